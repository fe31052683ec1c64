package org.qinqing.people;

import java.util.List;

import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Looks up who an openid is: one Redis round trip (binding and person read by one script). */
@Service
public class Directory {

	private static final RedisScript<List> IDENTIFY = RedisScript.of("""
			local id = redis.call('GET', KEYS[1])
			if not id then return {} end
			local person = redis.call('HMGET', ARGV[1] .. id, 'role', 'name')
			if not person[1] then return {} end
			return {id, person[1], person[2] or ''}
			""", List.class);

	private final StringRedisTemplate redis;

	Directory(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public Identity identify(String tenant, String openid) {
		List<?> found = this.redis.execute(IDENTIFY, List.of(PeopleKeys.binding(tenant, openid)),
				PeopleKeys.personPrefix(tenant));
		if (found == null || found.size() < 3) {
			return Identity.visitor();
		}
		return new Identity(Role.valueOf(String.valueOf(found.get(1))), String.valueOf(found.get(0)),
				String.valueOf(found.get(2)));
	}

	/** Binds an openid to a person; the binding flows of the directory issue build on this. */
	public void bind(String tenant, String openid, String personId) {
		this.redis.opsForValue().set(PeopleKeys.binding(tenant, openid), personId);
	}

	/** Keys of people records; package-private so other modules go through this service. */
	static final class PeopleKeys {

		private PeopleKeys() {
		}

		static String binding(String tenant, String openid) {
			return RedisKeys.of(tenant, "openid", openid);
		}

		static String personPrefix(String tenant) {
			return RedisKeys.of(tenant, "person") + ":";
		}

		static String person(String tenant, String personId) {
			return personPrefix(tenant) + personId;
		}

	}

}
