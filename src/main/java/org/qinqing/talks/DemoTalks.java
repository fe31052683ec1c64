package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qinqing.system.BotScripts;
import org.qinqing.system.RedisKeys;
import org.qinqing.system.SchoolTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo school's talks, so the matrix and the tile show real-looking figures on first start: the last three
 * months' cards (nearly every child talked to, a few missed) and this month's so far (about two thirds), one of them a
 * concern with an open plan. Seeded once per demo tenant (a marker), never sending anything to the families; the demo
 * module calls it once the school is loaded (talks never depend on demo).
 */
@Component
@Profile("!prod")
public class DemoTalks {

	private static final Logger log = LoggerFactory.getLogger(DemoTalks.class);

	private final TalksRoster roster;

	private final TalkCards cards;

	private final IndividualPlans plans;

	private final TalkSettingsStore settings;

	private final BotScripts scripts;

	private final StringRedisTemplate redis;

	private final Clock clock;

	DemoTalks(TalksRoster roster, TalkCards cards, IndividualPlans plans, TalkSettingsStore settings,
			BotScripts scripts, StringRedisTemplate redis, Clock clock) {
		this.roster = roster;
		this.cards = cards;
		this.plans = plans;
		this.settings = settings;
		this.scripts = scripts;
		this.redis = redis;
		this.clock = clock;
	}

	/** Seeds the demo tenant's talks once. */
	public void seed(String tenant) {
		String marker = RedisKeys.of(tenant, "demo", "talks");
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(marker, "1"))) {
			return;
		}
		LocalDate today = SchoolTime.today(this.clock);
		List<Pupil> pupils = this.roster.all(tenant, today);
		Map<String, LocalDate> since = new HashMap<>();
		pupils.forEach(p -> since.put(p.childId(), TalksRoster.BEFORE));
		this.roster.arrived(tenant, since);
		SchoolCalendar calendar = this.settings.settings(tenant).calendar();
		List<String> notes = this.scripts.strings("talks.demo-notes");
		String[] topicWords = this.scripts.strings("talks.record.topics.options").toArray(String[]::new);
		Random random = new Random(15);
		int saved = 0;
		TalkCard concern = null;
		for (int back = 3; back >= 0; back--) {
			YearMonth month = YearMonth.from(today).minusMonths(back);
			List<LocalDate> days = schoolDays(calendar, month, back == 0 ? today : month.atEndOfMonth());
			if (days.isEmpty()) {
				continue;
			}
			double share = back == 0 ? 0.65 : 0.93;
			for (Pupil p : pupils) {
				if (p.teachers().isEmpty() || random.nextDouble() > share) {
					continue;
				}
				String teacher = p.teachers().get(random.nextInt(p.teachers().size()));
				LocalDate day = days.get(random.nextInt(days.size()));
				List<String> topics = new ArrayList<>(List.of(topicWords[random.nextInt(4)]));
				if (random.nextBoolean()) {
					String more = topicWords[random.nextInt(topicWords.length)];
					if (!topics.contains(more)) {
						topics.add(more);
					}
				}
				int mood = 3 + random.nextInt(3) - (random.nextInt(8) == 0 ? 1 : 0);
				boolean worry = concern == null && back == 1 && mood <= 3;
				TalkCard card = this.cards.save(tenant, new TalkCard("", p.childId(), p.classId(), teacher, day, mood,
						topics, notes.get(random.nextInt(notes.size())), worry, false, teacher,
						SchoolTime.instant(day.atTime(15, 30)), "", null));
				if (worry) {
					concern = card;
				}
				saved++;
			}
		}
		if (concern != null) {
			IndividualPlan plan = this.plans.open(tenant, concern, concern.savedAt());
			this.plans.update(tenant, plan, plan.withDetails(plan.ownerId(), this.scripts.text("talks.demo-plan-goal"),
					this.scripts.text("talks.demo-plan-measures"), List.of()), this.clock.instant());
		}
		log.info("Seeded {} demo talk cards", saved);
	}

	private static List<LocalDate> schoolDays(SchoolCalendar calendar, YearMonth month, LocalDate last) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
			if (calendar.isSchoolDay(d)) {
				days.add(d);
			}
		}
		return days;
	}

}
