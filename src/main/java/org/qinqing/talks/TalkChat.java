package org.qinqing.talks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.conversation.Command;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Step;
import org.qinqing.conversation.Wording;
import org.qinqing.people.PersonNames;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.BotScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Recording a talk in chat: {@code 谈心记录} (or the teacher's menu) → the child (those still owed this month first;
 * only children the teacher looks after) → the day (1 今天, or an earlier day of this month) → mood 1–5 → topics,
 * several → a few words or 跳过 (voice works: its recognised text is the answer) → 需要关注吗 → saved, and the card
 * shown back. Six answers, most of them one digit. {@code 保密} just after keeps the parents' note from going.
 */
@Configuration(proxyBeanMethods = false)
class TalkChat {

	static final String FLOW = "talk";

	private static final String P = "talks.";

	private final TalksCompliance compliance;

	private final TalkRecorder recorder;

	private final TalkNotices notices;

	private final SchoolRecords records;

	private final Wording wording;

	private final BotScripts scripts;

	private final java.time.Clock clock;

	TalkChat(TalksCompliance compliance, TalkRecorder recorder, TalkNotices notices, SchoolRecords records,
			Wording wording, BotScripts scripts, java.time.Clock clock) {
		this.clock = clock;
		this.compliance = compliance;
		this.recorder = recorder;
		this.notices = notices;
		this.records = records;
		this.wording = wording;
		this.scripts = scripts;
		scripts.require(P + "saved", P + "note-none", P + "concern-yes", P + "concern-no", P + "parents-told",
				P + "parents-none", P + "private-done", P + "private-none", P + "not-yours", P + "record-talked");
		scripts.strings(P + "moods");
	}

	@Bean
	Command talkRecordCommand() {
		List<String> words = this.scripts.strings(P + "words-record");
		return new Command("talk-record", EnumSet.of(Role.TEACHER), words::contains,
				(input, context) -> Command.Outcome.startFlow(FLOW));
	}

	@Bean
	Command talkPrivateCommand() {
		List<String> words = this.scripts.strings(P + "words-private");
		return new Command("talk-private", EnumSet.of(Role.TEACHER), words::contains,
				(input, context) -> Command.Outcome.reply(this.recorder
					.keepPrivate(context.tenant(), context.identity().personId())
					.map(card -> this.scripts.text(P + "private-done", Map.of("id", card.id())))
					.orElse(this.scripts.text(P + "private-none"))));
	}

	@Bean
	Flow talkFlow() {
		return Flow.named(FLOW).wordedIn(P + "record")
			.pick("child", this::children)
			.date("day", (today, context) -> new Step.DateRange(today.withDayOfMonth(1), today))
			.number("mood", 1, 5)
			.several("topics")
			.optionalText("note", TalkCard.NOTE_MAX)
			.yesNo("attention")
			.thenReply(this::save);
	}

	/** The children the teacher looks after: those still owed this month first, then the ones talked to. */
	private List<Option> children(FlowContext context) {
		String teacher = context.identity().personId();
		List<OwedTalks.Standing> standings = this.compliance.ofTeacher(context.tenant(), teacher,
				YearMonth.from(org.qinqing.system.SchoolTime.today(this.clock)));
		return options(context.tenant(), teacher, standings);
	}

	List<Option> options(String tenant, String teacher, List<OwedTalks.Standing> standings) {
		List<OwedTalks.Standing> ordered = new ArrayList<>();
		standings.stream().filter(s -> owedNow(s, teacher)).forEach(ordered::add);
		standings.stream().filter(s -> !owedNow(s, teacher)).forEach(ordered::add);
		Map<String, SchoolClass> classes = this.records.classes(tenant,
				ordered.stream().map(s -> s.pupil().classId()).distinct().toList());
		java.util.function.Function<OwedTalks.Standing, String> names = PersonNames.inList(ordered, s -> s.pupil().name());
		List<Option> options = new ArrayList<>();
		for (OwedTalks.Standing s : ordered) {
			String name = names.apply(s);
			SchoolClass c = classes.get(s.pupil().classId());
			String label = this.scripts.text("common.child-label", Map.of("name", name, "class", c == null ? "" : c.name()));
			boolean talked = s.talkedBy().contains(teacher) || !s.stillOwed();
			options.add(new Option(s.pupil().childId(), talked ? this.scripts.text(P + "record-talked", Map.of("label", label)) : label, name));
		}
		return options;
	}

	/** Still owed a talk this month, by this teacher among others. */
	private static boolean owedNow(OwedTalks.Standing standing, String teacher) {
		return standing.stillOwed() && standing.owedBy().contains(teacher) && !standing.talkedBy().contains(teacher);
	}

	private String save(FlowContext context) {
		Optional<TalkRecorder.Saved> saved = this.recorder.record(context.tenant(), context.identity().role(),
				context.identity().personId(), context.text("child"), context.date("day"), context.number("mood"),
				context.several("topics"), context.text("note"), context.yes("attention"));
		if (saved.isEmpty()) {
			return this.scripts.text(P + "not-yours");
		}
		TalkCard card = saved.get().card();
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		p.put("id", card.id());
		p.put("child", this.records.child(context.tenant(), card.childId())
			.map(c -> this.wording.childLabel(context.tenant(), c))
			.orElse(context.text("childLabel")));
		p.put("date", this.wording.date(card.date()));
		p.put("mood", card.mood());
		p.put("moodWord", this.notices.mood(card.mood()));
		p.put("topics", this.wording.list(card.topics()));
		p.put("note", card.note().isEmpty() ? this.scripts.text(P + "note-none") : card.note());
		p.put("concern", saved.get().plan()
			.map(plan -> this.scripts.text(P + "concern-yes", Map.of("plan", plan.id())))
			.orElse(this.scripts.text(P + "concern-no")));
		p.put("parents", this.scripts.text(saved.get().parentsTold() ? P + "parents-told" : P + "parents-none"));
		return this.scripts.text(P + "saved", p);
	}

}
