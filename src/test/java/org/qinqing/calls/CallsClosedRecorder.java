package org.qinqing.calls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by the application's component scan in tests): keeps every
 * {@link CallsClosed} published, so a test can count the ones of its own tenant and date. Events come
 * from the server's request threads, which Spring's per-test-thread event recording does not see.
 */
@Component
public class CallsClosedRecorder {

	private final List<CallsClosed> events = new CopyOnWriteArrayList<>();

	@EventListener
	void closed(CallsClosed event) {
		this.events.add(event);
	}

	public List<CallsClosed> events() {
		return List.copyOf(this.events);
	}

}
