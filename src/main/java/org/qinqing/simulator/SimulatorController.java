package org.qinqing.simulator;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.qinqing.binding.BindingQrLinks;
import org.qinqing.demo.DemoData;
import org.qinqing.demo.DemoPersona;
import org.qinqing.people.BindingCodes;
import org.qinqing.system.BotScripts;
import org.qinqing.system.LinkSigner;
import org.qinqing.system.SchoolTime;
import org.qinqing.wechat.WechatAccounts;
import org.qinqing.wechat.WechatProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The simulator page and its two JSON calls. */
@Controller
@Profile("!prod")
class SimulatorController {

	static final String VIEW = "simulator/chat";

	private final DemoData demo;

	private final WechatAccounts accounts;

	private final SimulatorOutbox outbox;

	private final MessageSource messages;

	private final BotScripts scripts;

	private final Clock clock;

	private final BindingCodes codes;

	private final LinkSigner signer;

	private final PushesAsShown pushes;

	private final PortalClient portal = new PortalClient();

	private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);

	SimulatorController(DemoData demo, WechatAccounts accounts, SimulatorOutbox outbox, MessageSource messages,
			BotScripts scripts, Clock clock, BindingCodes codes, LinkSigner signer) {
		this.pushes = new PushesAsShown(messages);
		this.codes = codes;
		this.signer = signer;
		this.demo = demo;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.scripts = scripts;
		this.clock = clock;
	}

	record PersonaView(String openid, String label, String role) {
	}

	record MenuButton(String label, String key) {
	}

	/** @param scene what scanning its QR code sends ({@code bind:<token>}) */
	record DemoCode(String code, String label, String qrPath, String scene) {
	}

	record SendRequest(String openid, String type, String text, String eventKey, boolean encrypted) {
	}

	@GetMapping("/simulator")
	String page(Model model, Locale locale) {
		List<PersonaView> personas = this.demo.personas().stream().map(p -> view(p, locale)).toList();
		List<MenuButton> buttons = this.scripts.list("menus.custom-menu")
			.stream()
			.map(b -> new MenuButton(String.valueOf(b.get("label")), String.valueOf(b.get("key"))))
			.toList();
		model.addAttribute("personas", personas);
		model.addAttribute("menuButtons", buttons);
		model.addAttribute("appId", this.accounts.primary().appId());
		model.addAttribute("demoCodes", demoCodes(locale));
		model.addAttribute("schoolZone", SchoolTime.ZONE.getId());
		return VIEW;
	}

	/** Open codes for a few unbound demo family members, so binding can be tried in the simulator. */
	private List<DemoCode> demoCodes(Locale locale) {
		String tenant = this.demo.tenant();
		return this.demo.codeHolders().stream().map(person -> {
			String code = this.codes.currentCode(tenant, person.id())
				.orElseGet(() -> this.codes.issue(tenant, person.id(), "simulator"));
			String role = this.messages.getMessage("simulator.role." + person.role().code(), null, locale);
			return new DemoCode(code, person.name() + "（" + role + "）", BindingQrLinks.path(this.signer, tenant, code),
					this.codes.qrScene(tenant, code).orElse(""));
		}).toList();
	}

	private PersonaView view(DemoPersona persona, Locale locale) {
		String role = persona.role().code();
		String roleLabel = this.messages.getMessage("simulator.role." + role, null, locale);
		String label = persona.name().isEmpty() ? roleLabel
				: this.messages.getMessage("simulator.persona.label",
						new Object[] { persona.name(), roleLabel, persona.children() }, locale);
		return new PersonaView(persona.openid(), label, role);
	}

	@PostMapping("/simulator/api/send")
	@ResponseBody
	ResponseEntity<Map<String, Object>> send(@RequestBody SendRequest send, HttpServletRequest request)
			throws IOException, InterruptedException {
		if (send.openid() == null || this.demo.personas().stream().noneMatch(p -> p.openid().equals(send.openid()))) {
			return ResponseEntity.badRequest().body(Map.of("error", "unknown persona"));
		}
		WechatProperties.Account account = this.accounts.primary();
		String xml = WechatXml.of(account.appId(), send.openid(), this.clock.millis() / 1000, send.type(),
				send.text(), send.eventKey(), this.msgIds.incrementAndGet());
		PortalClient.Exchange exchange = this.portal.post("http://127.0.0.1:" + request.getLocalPort(), account, xml,
				send.encrypted() && account.aesKey() != null && !account.aesKey().isBlank());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", exchange.status());
		body.put("reply", exchange.reply());
		body.put("requestXml", exchange.requestXml());
		body.put("responseXml", exchange.responseXml());
		body.put("elapsedMs", exchange.elapsedMs());
		return ResponseEntity.ok(body);
	}

	@GetMapping("/simulator/api/pushes")
	@ResponseBody
	Map<String, Object> pushes(@RequestParam String openid, @RequestParam(defaultValue = "0") long after,
			Locale locale) {
		List<Map<String, Object>> list = this.outbox.since(this.demo.tenant(), openid, after);
		long next = list.isEmpty() ? after : ((Number) list.get(list.size() - 1).get("seq")).longValue() + 1;
		return Map.of("messages", list.stream().map(m -> this.pushes.asShown(m, locale)).toList(), "next", next);
	}

}
