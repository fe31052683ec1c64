package org.qinqing.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One WxJava service per account. The access token lives in Redis under the tenant's keys and is
 * refreshed under a Redis lock, so all instances share one token; the stable-token API is used so
 * a refresh does not cut off a token another instance is still using.
 */
@Component
class WxServices {

	/**
	 * WxJava's HTTP pool allows 10 connections per host: at ~50 ms a call that caps sending near 200/s,
	 * the outbox's default rate, so the pool is widened for the outbox's concurrent senders.
	 */
	private static final int MAX_CONNECTIONS = 128;

	private final Map<String, WxMpService> byAppId = new LinkedHashMap<>();

	private final Map<String, WxMpConfigStorage> configs = new LinkedHashMap<>();

	WxServices(WechatAccounts accounts, WechatProperties properties, StringRedisTemplate redis) {
		RedisTemplateWxRedisOps redisOps = new RedisTemplateWxRedisOps(redis);
		DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
		http.setMaxConnPerHost(MAX_CONNECTIONS);
		http.setMaxTotalConn(MAX_CONNECTIONS * 2);
		for (WechatProperties.Account account : accounts.all()) {
			WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(redisOps, RedisKeys.of(account.tenantId(), "wx"));
			config.setAppId(account.appId());
			config.setSecret(account.secret());
			config.setToken(account.token());
			config.setAesKey(account.aesKey());
			config.useStableAccessToken(true);
			config.setApacheHttpClientBuilder(http);
			config.setMaxRetryTimes(properties.maxRetries());
			config.setRetrySleepMillis(200);
			String api = properties.apiBase().replaceAll("/+$", "");
			config.setHostConfig(new WxMpHostConfig(api, WxMpHostConfig.OPEN_DEFAULT_HOST_URL,
					WxMpHostConfig.MP_DEFAULT_HOST_URL));
			WxMpServiceImpl service = new WxMpServiceImpl();
			service.setWxMpConfigStorage(config);
			service.setMaxRetryTimes(properties.maxRetries());
			service.setRetrySleepMillis(200);
			this.byAppId.put(account.appId(), service);
			this.configs.put(account.appId(), config);
		}
	}

	WxMpService service(String appId) {
		return this.byAppId.get(appId);
	}

	WxMpConfigStorage config(String appId) {
		return this.configs.get(appId);
	}

}
