package org.qinqing.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.TodayFigure;
import org.qinqing.system.BotScripts;
import org.qinqing.system.PersonLinks;
import org.qinqing.system.Pipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * 今日概况's line of questions: how many wait for an answer, by how long (under a day, one to two days, longer),
 * counted on the waiting set's scores in one pipeline, however many there are.
 */
@Component
class InboxToday implements TodayFigure {

	private final StringRedisTemplate redis;

	private final BotScripts scripts;

	private final PersonLinks links;

	private final Clock clock;

	InboxToday(StringRedisTemplate redis, BotScripts scripts, PersonLinks links, Clock clock) {
		this.redis = redis;
		this.scripts = scripts;
		this.links = links;
		this.clock = clock;
		scripts.require("inbox.today-figure", "inbox.today-figure-none");
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Optional<String> line(String tenant, String leaderId) {
		List<Long> counts = waitingByAge(tenant);
		String link = Optional.ofNullable(this.links.absolute(InboxController.PATH)).orElse(InboxController.PATH);
		long all = counts.get(0) + counts.get(1) + counts.get(2);
		if (all == 0) {
			return Optional.of(this.scripts.text("inbox.today-figure-none", Map.of("link", link)));
		}
		return Optional.of(this.scripts.text("inbox.today-figure", Map.of("count", all, "day", counts.get(0), "days",
				counts.get(1), "more", counts.get(2), "link", link)));
	}

	/** Questions waiting under a day, one to two days, over two days (hours, not school days). */
	List<Long> waitingByAge(String tenant) {
		long now = this.clock.millis();
		long day = now - Duration.ofDays(1).toMillis();
		long twoDays = now - Duration.ofDays(2).toMillis();
		String key = InboxKeys.open(tenant);
		List<Object> replies = Pipelines.run(this.redis, ops -> {
			ops.opsForZSet().count(key, day, Double.POSITIVE_INFINITY);
			ops.opsForZSet().count(key, twoDays, day - 1);
			ops.opsForZSet().count(key, Double.NEGATIVE_INFINITY, twoDays - 1);
		});
		return replies.stream().map(r -> r == null ? 0L : ((Number) r).longValue()).toList();
	}

}
