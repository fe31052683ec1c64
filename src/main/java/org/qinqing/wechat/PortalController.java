package org.qinqing.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.qinqing.conversation.ConversationService;
import org.qinqing.conversation.Inbound;
import org.qinqing.conversation.Reply;
import org.qinqing.conversation.ReplayedDeliveryException;
import org.qinqing.system.ThrottledLog;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL configured in the official account's console. Order matters: the account and signature
 * are checked before the body is read, so forged requests cost nothing and change nothing.
 */
@RestController
@RequestMapping("/wx/portal/{appid}")
class PortalController {

	static final int MAX_BODY_BYTES = 64 * 1024;

	/** Refusals may come by the thousand (a flood of forged requests): a line a minute, with a count. */
	private static final ThrottledLog refusals = new ThrottledLog(LoggerFactory.getLogger(PortalController.class));

	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final WechatAccounts accounts;

	private final WxServices services;

	private final ConversationService conversations;

	private final Freshness freshness;

	PortalController(WechatAccounts accounts, WxServices services, ConversationService conversations,
			Freshness freshness) {
		this.accounts = accounts;
		this.services = services;
		this.conversations = conversations;
		this.freshness = freshness;
	}

	@GetMapping
	ResponseEntity<String> verify(@PathVariable String appid, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		Optional<WechatProperties.Account> account = this.accounts.find(appid);
		if (account.isEmpty() || !Signatures.valid(signature, account.get().token(), timestamp, nonce)) {
			return plain(HttpStatus.FORBIDDEN, "forbidden");
		}
		return plain(HttpStatus.OK, echostr == null ? "" : echostr);
	}

	@PostMapping
	ResponseEntity<String> receive(@PathVariable String appid, HttpServletRequest request,
			@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
			@RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature) {
		Optional<WechatProperties.Account> found = this.accounts.find(appid);
		if (found.isEmpty() || !Signatures.valid(signature, found.get().token(), timestamp, nonce)) {
			return plain(HttpStatus.FORBIDDEN, "forbidden");
		}
		WechatProperties.Account account = found.get();
		if (!this.freshness.isFresh(timestamp)) {
			// a signature does not cover the body: an old signed URL must not carry a new message
			refusals.note("Refused a message whose timestamp is outside the accepted window");
			return plain(HttpStatus.FORBIDDEN, "forbidden");
		}
		boolean encrypted = "aes".equalsIgnoreCase(encryptType);
		if (!encrypted && !account.acceptsPlaintext()) {
			refusals.note("Refused a plaintext message for an account in safe mode only");
			return plain(HttpStatus.FORBIDDEN, "forbidden");
		}
		try {
			String body = readBody(request);
			if (body == null) {
				return plain(HttpStatus.PAYLOAD_TOO_LARGE, "too large");
			}
			Map<String, String> fields = InboundXml.parse(body);
			if (encrypted) {
				String encrypt = fields.get("Encrypt");
				if (account.aesKey() == null || account.aesKey().isBlank() || encrypt == null) {
					return plain(HttpStatus.BAD_REQUEST, "bad request");
				}
				if (!Signatures.valid(msgSignature, account.token(), timestamp, nonce, encrypt)) {
					return plain(HttpStatus.FORBIDDEN, "forbidden");
				}
				SafeModeCipher.Opened opened = SafeModeCipher.open(account.aesKey(), encrypt);
				if (!account.appId().equals(opened.appId())) {
					refusals.note("Refused a message encrypted for another account");
					return plain(HttpStatus.FORBIDDEN, "forbidden");
				}
				fields = InboundXml.parse(opened.xml());
			}
			Optional<Inbound> inbound = InboundMapper.map(account.tenantId(), fields,
					this.freshness.stamp(signature, timestamp, nonce, body));
			if (inbound.isEmpty()) {
				return plain(HttpStatus.OK, "success");
			}
			Optional<Reply> reply = this.conversations.receive(inbound.get());
			if (reply.isEmpty()) {
				return plain(HttpStatus.OK, "success");
			}
			return ResponseEntity.ok().contentType(XML).body(render(account, fields, reply.get(), encrypted));
		}
		catch (ReplayedDeliveryException ex) {
			refusals.note("Refused a signed request replayed with another body");
			return plain(HttpStatus.FORBIDDEN, "forbidden");
		}
		catch (InboundXml.MalformedXmlException ex) {
			refusals.note("Refused a malformed message: " + ex.getMessage());
			return plain(HttpStatus.BAD_REQUEST, "bad request");
		}
		catch (SafeModeCipher.BadCipherException ex) {
			refusals.note("Refused a message that does not decrypt");
			return plain(HttpStatus.BAD_REQUEST, "bad request");
		}
		catch (IOException ex) {
			return plain(HttpStatus.BAD_REQUEST, "bad request");
		}
	}

	/** The body as UTF-8, or null when it is larger than WeChat ever sends. */
	private static String readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private String render(WechatProperties.Account account, Map<String, String> fields, Reply reply,
			boolean encrypted) {
		WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT()
			.content(reply.text())
			.fromUser(fields.get("ToUserName"))
			.toUser(fields.get("FromUserName"))
			.build();
		WxMpConfigStorage config = this.services.config(account.appId());
		return encrypted ? out.toEncryptedXml(config) : out.toXml();
	}

	private static ResponseEntity<String> plain(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(TEXT).body(body);
	}

}
