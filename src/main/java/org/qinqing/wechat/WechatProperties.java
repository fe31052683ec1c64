package org.qinqing.wechat;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The official accounts this instance serves. The first comes from {@code WECHAT_APP_ID},
 * {@code WECHAT_SECRET}, {@code WECHAT_TOKEN}, {@code WECHAT_AES_KEY}; more (one per school or
 * county) may be listed under {@code wechat.accounts}. Each account is one tenant.
 *
 * @param apiBase WeChat's API host; tests point it at WireMock
 */
@ConfigurationProperties("wechat")
public record WechatProperties(String appId, String secret, String token, String aesKey, String tenant,
		@DefaultValue("https://api.weixin.qq.com") String apiBase, @DefaultValue("2") int maxRetries,
		List<Account> accounts) {

	public WechatProperties {
		accounts = accounts == null ? List.of() : List.copyOf(accounts);
	}

	/** One official account. {@code tenant} defaults to the app id. */
	public record Account(String appId, String secret, String token, String aesKey, String tenant) {

		public String tenantId() {
			return this.tenant == null || this.tenant.isBlank() ? this.appId : this.tenant;
		}

		@Override
		public String toString() {
			// never print secrets
			return "Account[appId=" + this.appId + ", tenant=" + tenantId() + "]";
		}

	}

	@Override
	public String toString() {
		return "WechatProperties[appId=" + this.appId + ", apiBase=" + this.apiBase + ", accounts=" + this.accounts
				+ "]";
	}

}
