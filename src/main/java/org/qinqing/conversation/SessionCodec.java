package org.qinqing.conversation;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Sessions are small JSON strings in Redis: readable with redis-cli, safe across app versions. */
@Component
class SessionCodec {

	private final JsonMapper json = JsonMapper.builder().build();

	String write(Session session) {
		return this.json.writeValueAsString(session);
	}

	Session read(String text) {
		return this.json.readValue(text, Session.class);
	}

}
