package org.qinqing.emergency;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.qinqing.console.AuditLog;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.FlowContext;
import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolRecords;
import org.qinqing.system.SchoolTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What staff record in chat about an open incident: a call made ({@code 已电话通知 奶奶 10:42}, teachers and leaders;
 * it counts for its step) and the report to the authority sent ({@code 已上报}, leaders). Without a number, the
 * only open incident the user looks after is meant (with several, they are listed to choose). A call's time is its
 * latest not after now ({@link CallNote#when}).
 */
@Configuration(proxyBeanMethods = false)
class StaffNotesChat {

	static final String CALL_ACTION = "emergency-call";

	static final String SENT_ACTION = "emergency-report-sent";

	private final Incidents incidents;

	private final Acknowledgements acknowledgements;

	private final Access access;

	private final SchoolRecords records;

	private final IncidentWording words;

	private final AuditLog audit;

	private final Clock clock;

	StaffNotesChat(Incidents incidents, Acknowledgements acknowledgements, Access access, SchoolRecords records,
			IncidentWording words, AuditLog audit, Clock clock) {
		this.incidents = incidents;
		this.acknowledgements = acknowledgements;
		this.access = access;
		this.records = records;
		this.words = words;
		this.audit = audit;
		this.clock = clock;
	}

	@Bean
	Command emergencyCallCommand() {
		List<String> commandWords = longestFirst(this.words.strings("words-called"));
		return new Command(CALL_ACTION, EnumSet.of(Role.TEACHER, Role.ADMIN), startsWithAny(commandWords),
				(input, context) -> Command.Outcome.reply(call(context, rest(commandWords, input))));
	}

	@Bean
	Command emergencyReportSentCommand() {
		List<String> commandWords = longestFirst(this.words.strings("words-sent"));
		return new Command(SENT_ACTION, EnumSet.of(Role.ADMIN), startsWithAny(commandWords),
				(input, context) -> Command.Outcome.reply(sent(context, rest(commandWords, input))));
	}

	private String call(FlowContext context, String rest) {
		Optional<CallNote> note = CallNote.parse(rest);
		if (note.isEmpty()) {
			return this.words.text("call-usage");
		}
		LocalDateTime at = note.get().when(SchoolTime.now(this.clock));
		Optional<Incident> incident = pick(context, note.get().number());
		if (incident.isEmpty()) {
			return whichOrNone(context);
		}
		String by = context.identity().personId();
		if (!this.acknowledgements.call(context.tenant(), incident.get(), note.get().relation(), SchoolTime.instant(at),
				by)) {
			return this.words.text("none-open");
		}
		this.audit.recordFromChat(context.tenant(), by, context.identity().displayName(), CALL_ACTION,
				incident.get().number());
		Map<String, Object> p = this.words.params(context.tenant(), incident.get());
		p.put("relation", note.get().relation());
		p.put("at", at.toLocalTime().withSecond(0).withNano(0).toString());
		return this.words.text("call-recorded", p);
	}

	private String sent(FlowContext context, String rest) {
		Optional<Incident> incident = pick(context, rest.strip().toUpperCase(java.util.Locale.ROOT));
		if (incident.isEmpty()) {
			return whichOrNone(context);
		}
		String by = context.identity().personId();
		Map<String, Object> p = this.words.params(context.tenant(), incident.get());
		if (!this.acknowledgements.reportSent(context.tenant(), incident.get(), this.clock.instant(), by)) {
			return this.words.text("sent-already", p);
		}
		this.audit.recordFromChat(context.tenant(), by, context.identity().displayName(), SENT_ACTION,
				incident.get().number());
		return this.words.text("sent-recorded", p);
	}

	/** The incident named, else the only open one the user looks after. */
	private Optional<Incident> pick(FlowContext context, String number) {
		List<Incident> mine = openInScope(context);
		if (!number.isEmpty()) {
			return mine.stream().filter(i -> i.number().equals(number)).findFirst();
		}
		return mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
	}

	private String whichOrNone(FlowContext context) {
		List<Incident> mine = openInScope(context);
		if (mine.isEmpty()) {
			return this.words.text("none-open");
		}
		return this.words.text("which-open", Map.of("numbers", this.words.list(mine.stream()
			.map(i -> i.number() + " " + this.words.params(context.tenant(), i).get("child"))
			.toList())));
	}

	private List<Incident> openInScope(FlowContext context) {
		CareScope scope = this.access.scopeOf(context.tenant(), context.identity());
		List<Incident> open = this.incidents.open(context.tenant());
		var children = this.records.children(context.tenant(), open.stream().map(Incident::childId).toList());
		return open.stream()
			.filter(i -> scope.everyone() || (children.get(i.childId()) != null && scope.covers(children.get(i.childId())))
					|| i.reporterId().equals(context.identity().personId()))
			.sorted(Comparator.comparing(Incident::reported).reversed())
			.toList();
	}

	private static List<String> longestFirst(List<String> words) {
		return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
	}

	private static Predicate<String> startsWithAny(List<String> words) {
		return input -> words.stream().anyMatch(input::startsWith);
	}

	private static String rest(List<String> words, String input) {
		return words.stream().filter(input::startsWith).findFirst().map(w -> input.substring(w.length())).orElse("");
	}

}
