package org.qinqing.wechat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.qinqing.notify.Delivery;
import org.qinqing.notify.MessengerChannel;
import org.qinqing.notify.OutboundMessage;
import org.qinqing.notify.TemplateMessage;
import org.qinqing.notify.TextMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends through WeChat's customer-service and template APIs. WxJava refreshes the token once on
 * 40001/42001 and retries; what is left is sorted into "never" and "later" for the caller.
 */
@Component
@Order(100)
class WechatMessenger implements MessengerChannel {

	/** Not following (43004), out of the 48 h window (45015), bad openid or template: retrying cannot help. */
	private static final Set<Integer> REJECTED = Set.of(40003, 40037, 43004, 43019, 45015, 45047, 47003);

	/**
	 * Busy, rate and quota limits: try again later. WxJava reports HTTP failures (5xx, timeouts, refused
	 * connections: its IOExceptions) as -99.
	 */
	private static final Set<Integer> LATER = Set.of(-1, -99, 45009, 45011, 45033);

	private final WechatAccounts accounts;

	private final WxServices services;

	WechatMessenger(WechatAccounts accounts, WxServices services) {
		this.accounts = accounts;
		this.services = services;
	}

	@Override
	public boolean handles(String tenant, String openid) {
		return this.accounts.byTenant(tenant).isPresent();
	}

	@Override
	public Set<String> tenants() {
		return this.accounts.all().stream().map(WechatProperties.Account::tenantId).collect(Collectors.toSet());
	}

	@Override
	public Delivery send(OutboundMessage message) {
		Optional<WechatProperties.Account> account = this.accounts.byTenant(message.tenant());
		if (account.isEmpty()) {
			return Delivery.rejected(-2, "no WeChat account for this tenant");
		}
		if (message instanceof TemplateMessage template
				&& (template.templateId() == null || template.templateId().isBlank())) {
			// no template configured for this kind of message: WeChat would answer 40037, so do not ask it
			return Delivery.rejected(40037, "no template id configured");
		}
		WxMpService service = this.services.service(account.get().appId());
		try {
			if (message instanceof TextMessage text) {
				service.getKefuService()
					.sendKefuMessage(WxMpKefuMessage.TEXT().toUser(text.openid()).content(text.text()).build());
			}
			else if (message instanceof TemplateMessage template) {
				service.getTemplateMsgService().sendTemplateMsg(toWechat(template));
			}
			return Delivery.sent();
		}
		catch (WxErrorException ex) {
			int code = ex.getError().getErrorCode();
			String detail = ex.getError().getErrorMsg();
			if (REJECTED.contains(code)) {
				return Delivery.rejected(code, detail);
			}
			return LATER.contains(code) ? Delivery.retryLater(code, detail) : Delivery.rejected(code, detail);
		}
		catch (RuntimeException ex) {
			// network failures and timeouts surface as runtime exceptions from the HTTP client
			return Delivery.retryLater(-1, ex.getClass().getSimpleName());
		}
	}

	private static WxMpTemplateMessage toWechat(TemplateMessage template) {
		WxMpTemplateMessage message = WxMpTemplateMessage.builder()
			.toUser(template.openid())
			.templateId(template.templateId())
			.url(template.url())
			.clientMsgId(template.clientMsgId())
			.build();
		template.fields().forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
		return message;
	}

}
