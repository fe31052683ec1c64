package org.qinqing.wechat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The configured official accounts, by app id. The portal answers only these. */
@Component
public class WechatAccounts {

	private final Map<String, WechatProperties.Account> byAppId = new LinkedHashMap<>();

	WechatAccounts(WechatProperties properties) {
		List<WechatProperties.Account> all = new ArrayList<>();
		if (StringUtils.hasText(properties.appId())) {
			all.add(new WechatProperties.Account(properties.appId(), properties.secret(), properties.token(),
					properties.aesKey(), properties.tenant(), properties.mode()));
		}
		all.addAll(properties.accounts());
		for (WechatProperties.Account account : all) {
			if (!StringUtils.hasText(account.token())) {
				throw new IllegalStateException("WeChat account " + account.appId() + " has no token (WECHAT_TOKEN)");
			}
			if (account.mode() == WechatProperties.Mode.SAFE && !StringUtils.hasText(account.aesKey())) {
				throw new IllegalStateException(
						"WeChat account " + account.appId() + " is in safe mode but has no EncodingAESKey (WECHAT_AES_KEY)");
			}
			if (StringUtils.hasText(account.aesKey()) && account.aesKey().length() != 43) {
				throw new IllegalStateException(
						"WeChat account " + account.appId() + ": the EncodingAESKey must be 43 characters");
			}
			this.byAppId.put(account.appId(), account);
		}
		if (this.byAppId.isEmpty()) {
			throw new IllegalStateException("No WeChat account configured: set WECHAT_APP_ID and WECHAT_TOKEN");
		}
	}

	public Optional<WechatProperties.Account> find(String appId) {
		return Optional.ofNullable(this.byAppId.get(appId));
	}

	public WechatProperties.Account primary() {
		return this.byAppId.values().iterator().next();
	}

	public Collection<WechatProperties.Account> all() {
		return this.byAppId.values();
	}

	public Optional<WechatProperties.Account> byTenant(String tenant) {
		return this.byAppId.values().stream().filter(a -> a.tenantId().equals(tenant)).findFirst();
	}

}
