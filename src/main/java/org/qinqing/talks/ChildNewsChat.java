package org.qinqing.talks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.qinqing.calls.Bookings;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Wording;
import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 孩子近况 for a parent or guardian: for each of their own children (the one access rule), the last talk that is not
 * private (its day, the teacher, the mood: never what was said), the last family call, and a line from each
 * {@link ChildNewsLine} (the parenting school's lessons read this month: parenting.LessonsReadNews).
 */
@Configuration(proxyBeanMethods = false)
class ChildNewsChat {

	private static final String P = "talks.";

	private final Access access;

	private final TalkCards cards;

	private final Bookings bookings;

	private final SchoolRecords records;

	private final TalkNotices notices;

	private final Wording wording;

	private final BotScripts scripts;

	private final List<ChildNewsLine> lines;

	private final Clock clock;

	ChildNewsChat(Access access, TalkCards cards, Bookings bookings, SchoolRecords records, TalkNotices notices,
			Wording wording, BotScripts scripts, List<ChildNewsLine> lines, Clock clock) {
		this.access = access;
		this.cards = cards;
		this.bookings = bookings;
		this.records = records;
		this.notices = notices;
		this.wording = wording;
		this.scripts = scripts;
		this.lines = lines;
		this.clock = clock;
		scripts.require(P + "news-title", P + "news-child", P + "news-talk", P + "news-talk-earlier", P + "news-no-talk",
				P + "news-call", P + "news-no-call", P + "news-none");
	}

	@Bean
	Command childNewsCommand() {
		List<String> words = this.scripts.strings(P + "words-news");
		return new Command("child-news", EnumSet.of(Role.PARENT, Role.GUARDIAN), words::contains,
				(input, context) -> Command.Outcome.reply(news(context.tenant(), context.openid())));
	}

	String news(String tenant, String openid) {
		List<FamilyTie> family = this.access.familyOf(tenant, openid);
		if (family.isEmpty()) {
			return this.scripts.text(P + "news-none");
		}
		LocalDate today = SchoolTime.today(this.clock);
		YearMonth month = YearMonth.from(today);
		List<String> childIds = family.stream().map(t -> t.child().id()).toList();
		Map<String, TalkCard> latest = this.cards.latest(tenant, childIds, true);
		Map<String, Person> teachers = this.records.people(tenant,
				latest.values().stream().map(TalkCard::teacherId).distinct().toList());
		List<String> out = new ArrayList<>();
		out.add(text("news-title", Map.of()));
		for (FamilyTie tie : family) {
			String id = tie.child().id();
			out.add(text("news-child", Map.of("child", this.wording.givenName(tie.child()))));
			TalkCard card = latest.get(id);
			if (card == null) {
				out.add(text("news-no-talk", Map.of()));
			}
			else {
				Person t = teachers.get(card.teacherId());
				Map<String, Object> p = Map.of("date", this.wording.date(card.date()), "teacher",
						t == null ? "" : this.wording.teacher(t.name()), "mood", this.notices.mood(card.mood()));
				out.add(text(card.month().equals(month) ? "news-talk" : "news-talk-earlier", p));
			}
			out.add(this.bookings.lastCall(tenant, tie.child().familyId(), id, SchoolTime.now(this.clock))
				.map(b -> text("news-call", Map.of("date", this.wording.date(b.start().toLocalDate()))))
				.orElse(text("news-no-call", Map.of())));
			for (ChildNewsLine line : this.lines) {
				line.line(tenant, id, month).ifPresent(l -> out.add("  " + l));
			}
		}
		return String.join("\n", out);
	}

	private String text(String key, Map<String, Object> params) {
		return this.scripts.text(P + key, params);
	}

}
