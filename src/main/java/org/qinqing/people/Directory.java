package org.qinqing.people;

import java.util.List;

import org.qinqing.system.Pipelines;
import org.qinqing.system.LuaScripts;
import org.qinqing.system.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Looks up who an openid is: one Redis round trip (binding and person read by one script). */
@Service
public class Directory {

	/** The first (by id) of the people an openid is bound to; staff and parents before guardians. */
	private static final RedisScript<List> IDENTIFY = LuaScripts.load(List.class, "people/identify.lua");

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

	/** Binds an openid to a person (one WeChat user may be bound to several, e.g. two families). */
	public void bind(String tenant, String openid, String personId) {
		this.redis.opsForSet().add(PeopleKeys.binding(tenant, openid), personId);
		this.redis.opsForSet().add(PeopleKeys.openids(tenant, personId), openid);
	}

	/** The people an openid is bound to. */
	public java.util.Set<String> boundPeople(String tenant, String openid) {
		java.util.Set<String> ids = this.redis.opsForSet().members(PeopleKeys.binding(tenant, openid));
		return ids == null ? java.util.Set.of() : new java.util.TreeSet<>(ids);
	}

	/** The openids bound to a person: whom to reach when the school writes to them. */
	public java.util.Set<String> openidsOf(String tenant, String personId) {
		java.util.Set<String> ids = this.redis.opsForSet().members(PeopleKeys.openids(tenant, personId));
		return ids == null ? java.util.Set.of() : new java.util.TreeSet<>(ids);
	}

	/** {@link #openidsOf} for many people in one round trip (a push's batch), in the order given. */
	@SuppressWarnings("unchecked")
	public java.util.Map<String, java.util.Set<String>> openidsOfEach(String tenant, java.util.Collection<String> personIds) {
		List<String> ids = personIds.stream().distinct().toList();
		java.util.Map<String, java.util.Set<String>> found = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		List<Object> sets = Pipelines.run(this.redis,
				ops -> ids.forEach(id -> ops.opsForSet().members(PeopleKeys.openids(tenant, id))));
		for (int i = 0; i < ids.size(); i++) {
			java.util.Set<String> openids = (java.util.Set<String>) sets.get(i);
			found.put(ids.get(i), openids == null ? java.util.Set.of() : new java.util.TreeSet<>(openids));
		}
		return found;
	}

	/**
	 * The school changed who a person is (removed from a family, a role or classes changed, a binding revoked):
	 * the open chat sessions of their WeChat users re-read who they are at their very next message.
	 */
	public void identityChanged(String tenant, String personId) {
		identityChanged(tenant, openidsOf(tenant, personId));
	}

	/** {@link #identityChanged(String, String)} for many people in two round trips (an import's families). */
	@SuppressWarnings("unchecked")
	public void identitiesChanged(String tenant, java.util.Collection<String> personIds) {
		List<String> ids = personIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			return;
		}
		List<Object> openids = Pipelines.run(this.redis,
				ops -> ids.forEach(id -> ops.opsForSet().members(PeopleKeys.openids(tenant, id))));
		List<String> all = openids.stream()
			.filter(java.util.Objects::nonNull)
			.flatMap(set -> ((java.util.Set<String>) set).stream())
			.distinct()
			.toList();
		if (!all.isEmpty()) {
			Pipelines.run(this.redis, ops -> all.forEach(openid -> ops.opsForValue().increment(identityRevisionKey(tenant, openid))));
		}
	}

	/** How many WeChat users are bound to each of these people, in one round trip. */
	public java.util.Map<String, Long> boundCounts(String tenant, java.util.Collection<String> personIds) {
		List<String> ids = personIds.stream().distinct().toList();
		List<Object> sizes = Pipelines.run(this.redis, ops -> ids.forEach(id -> ops.opsForSet().size(PeopleKeys.openids(tenant, id))));
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			counts.put(ids.get(i), sizes.get(i) == null ? 0L : ((Number) sizes.get(i)).longValue());
		}
		return counts;
	}

	private void identityChanged(String tenant, java.util.Collection<String> openids) {
		for (String openid : openids) {
			this.redis.opsForValue().increment(identityRevisionKey(tenant, openid));
		}
	}

	/** Revokes every WeChat user's binding to a person (the console's 解除绑定); the person's record stays. */
	public java.util.Set<String> unbindPerson(String tenant, String personId) {
		java.util.Set<String> openids = openidsOf(tenant, personId);
		for (String openid : openids) {
			this.redis.opsForSet().remove(PeopleKeys.binding(tenant, openid), personId);
		}
		this.redis.delete(PeopleKeys.openids(tenant, personId));
		identityChanged(tenant, openids);
		return openids;
	}

	/** How often the school changed who a WeChat user is; the conversation gate reads it with the session. */
	public static String identityRevisionKey(String tenant, String openid) {
		return RedisKeys.of(tenant, "identity-rev", openid);
	}

	/** Removes every binding of an openid; the people's records stay. */
	public void unbindAll(String tenant, String openid) {
		for (String personId : boundPeople(tenant, openid)) {
			this.redis.opsForSet().remove(PeopleKeys.openids(tenant, personId), openid);
		}
		this.redis.delete(PeopleKeys.binding(tenant, openid));
	}

	/** Keys of people records; package-private so other modules go through the services. */
	static final class PeopleKeys {

		private PeopleKeys() {
		}

		static String binding(String tenant, String openid) {
			return RedisKeys.of(tenant, "openid", openid);
		}

		static String openids(String tenant, String personId) {
			return RedisKeys.of(tenant, "person-openids", personId);
		}

		static String personPrefix(String tenant) {
			return RedisKeys.of(tenant, "person") + ":";
		}

		static String person(String tenant, String personId) {
			return personPrefix(tenant) + personId;
		}

	}

}
