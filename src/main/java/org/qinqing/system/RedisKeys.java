package org.qinqing.system;

/**
 * The one key scheme: {@code qq:{tenant}:<area>:<id>}. The braces are a Redis Cluster hash tag,
 * so every key of a tenant lands on one node and Lua scripts may touch several of them.
 */
public final class RedisKeys {

	private RedisKeys() {
	}

	public static String of(String tenant, String area, String id) {
		return "qq:{" + tenant + "}:" + area + ":" + id;
	}

	public static String of(String tenant, String area) {
		return "qq:{" + tenant + "}:" + area;
	}

}
