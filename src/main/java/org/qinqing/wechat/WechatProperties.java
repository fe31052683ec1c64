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
 * @param mode the first account's message mode ({@code WECHAT_MESSAGE_MODE}), see {@link Account#mode}
 * @param timestampTolerance a signed request's timestamp may be this far from the app's clock either way;
 * WeChat's retries (within ~15 s) stay inside it, a signed URL copied from a log soon falls out
 */
@ConfigurationProperties("wechat")
public record WechatProperties(String appId, String secret, String token, String aesKey, String tenant, Mode mode,
		@DefaultValue("https://api.weixin.qq.com") String apiBase, @DefaultValue("2") int maxRetries,
		@DefaultValue("5m") java.time.Duration timestampTolerance, List<Account> accounts) {

	/**
	 * How an account's messages arrive, as set in the official account's console: plaintext only, compatible
	 * (either), or safe mode only (AES; plaintext is refused).
	 */
	public enum Mode {

		PLAINTEXT, COMPATIBLE, SAFE

	}

	public WechatProperties {
		accounts = accounts == null ? List.of() : List.copyOf(accounts);
	}

	/**
	 * One official account. {@code tenant} defaults to the app id; {@code mode} to compatible when an AES key is
	 * set, else plaintext.
	 */
	public record Account(String appId, String secret, String token, String aesKey, String tenant, Mode mode) {

		public Account {
			if (mode == null) {
				mode = aesKey == null || aesKey.isBlank() ? Mode.PLAINTEXT : Mode.COMPATIBLE;
			}
		}

		public String tenantId() {
			return this.tenant == null || this.tenant.isBlank() ? this.appId : this.tenant;
		}

		/** Whether a plaintext message may be taken (not in safe mode only). */
		public boolean acceptsPlaintext() {
			return this.mode != Mode.SAFE;
		}

		@Override
		public String toString() {
			// never print secrets
			return "Account[appId=" + this.appId + ", tenant=" + tenantId() + ", mode=" + this.mode + "]";
		}

	}

	@Override
	public String toString() {
		return "WechatProperties[appId=" + this.appId + ", apiBase=" + this.apiBase + ", accounts=" + this.accounts
				+ "]";
	}

}
