package org.qinqing.wechat;

import java.time.Duration;
import java.util.Optional;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parametric QR codes: WeChat issues a ticket for a scene string; its URL is what the QR image
 * encodes. Scanning it follows the account and sends the scene with the subscribe or SCAN event.
 */
@Component
public class QrTickets {

	/** WeChat's temporary QR codes live at most 30 days. */
	static final Duration MAX_TEMPORARY = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(QrTickets.class);

	private final WechatAccounts accounts;

	private final WxServices services;

	QrTickets(WechatAccounts accounts, WxServices services) {
		this.accounts = accounts;
		this.services = services;
	}

	/** The URL to encode, or empty when WeChat cannot be asked (no real account, as in demo mode). */
	public Optional<String> temporaryUrl(String tenant, String scene, Duration validity) {
		Optional<WechatProperties.Account> account = this.accounts.byTenant(tenant);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		int seconds = (int) Math.min(validity.toSeconds(), MAX_TEMPORARY.toSeconds());
		try {
			WxMpQrCodeTicket ticket = this.services.service(account.get().appId())
				.getQrcodeService()
				.qrCodeCreateTmpTicket(scene, seconds);
			return Optional.ofNullable(ticket.getUrl());
		}
		catch (WxErrorException | RuntimeException ex) {
			log.info("No QR ticket from WeChat for tenant {}: {}", tenant, ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

}
