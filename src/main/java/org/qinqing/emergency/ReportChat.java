package org.qinqing.emergency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.console.AuditLog;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.Flow;
import org.qinqing.conversation.FlowContext;
import org.qinqing.conversation.Option;
import org.qinqing.conversation.Parsed;
import org.qinqing.people.Access;
import org.qinqing.people.CareScope;
import org.qinqing.people.Child;
import org.qinqing.people.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reporting in chat, as short as it can be for a teacher in a hurry: {@code 紧急} (or {@code 紧急 晓雨}: the name
 * finds the child at once) → the child (numbered, or a name typed; asked only when it is not clear: never of a
 * teacher of one child) → what happened
 * (five kinds) → where the child is now (numbered common places, or words) → a few words (typed or spoken) →
 * stored and the family told at once; the reply says who was told and whom to phone, with their numbers.
 */
@Configuration(proxyBeanMethods = false)
class ReportChat {

	static final String FLOW = "emergency-report";

	static final String AUDIT_ACTION = "emergency-report";

	private static final String SEPARATOR = ",";

	private final ChildFinder finder;

	private final Access access;

	private final IncidentReporting reporting;

	private final IncidentWording words;

	private final AuditLog audit;

	ReportChat(ChildFinder finder, Access access, IncidentReporting reporting, IncidentWording words,
			AuditLog audit) {
		this.finder = finder;
		this.access = access;
		this.reporting = reporting;
		this.words = words;
		this.audit = audit;
	}

	@Bean
	Command emergencyReportCommand() {
		List<String> commandWords = this.words.strings("words-report")
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		return new Command(FLOW, EnumSet.of(Role.TEACHER, Role.ADMIN),
				input -> commandWords.stream().anyMatch(w -> input.equals(w) || input.startsWith(w + " ")),
				(input, context) -> start(context, nameAfter(commandWords, input)));
	}

	@Bean
	Flow emergencyReportFlow() {
		return Flow.named(FLOW).wordedIn("emergency.report").given("list", "ids", "places", "who")
			.text("who", this::who)
			.pick("child", this::matches).skippedWhenOne()
			.choice("kind")
			.text("place", this::place)
			.text("description", 2, 300)
			.then(this::report);
	}

	private static String nameAfter(List<String> commandWords, String input) {
		for (String w : commandWords) {
			if (input.startsWith(w)) {
				return input.substring(w.length()).strip();
			}
		}
		return "";
	}

	private Command.Outcome start(FlowContext context, String name) {
		CareScope scope = this.access.scopeOf(context.tenant(), context.identity());
		// a leader's school may be a county: its children are read only to find a name, never to start
		List<Child> children = scope.everyone() ? null : this.finder.children(context.tenant(), scope);
		if (children == null ? !this.finder.any(context.tenant()) : children.isEmpty()) {
			return Command.Outcome.reply(this.words.text("no-children"));
		}
		Map<String, String> seed = new LinkedHashMap<>();
		seed.put("places", numbered(this.words.strings("places")));
		boolean listed = children != null && children.size() <= ChildFinder.LISTED;
		seed.put("ids", listed ? String.join(SEPARATOR, children.stream().map(Child::id).toList()) : "");
		seed.put("list", listed ? this.words.text("report-list", Map.of("children",
				numbered(List.copyOf(this.finder.labels(context.tenant(), children).values()))))
				: this.words.text("report-name"));
		String lead = "";
		if (children != null && children.size() == 1) {
			// a teacher of one child is not asked which
			seed.put("who", children.get(0).id());
		}
		else if (!name.isEmpty()) {
			List<Child> found = ChildFinder.named(
					children != null ? children : this.finder.children(context.tenant(), scope), name);
			if (found.isEmpty()) {
				lead = this.words.text("not-found", Map.of("name", name));
			}
			else {
				seed.put("who", ids(found));
			}
		}
		return Command.Outcome.startFlow(lead, FLOW, seed);
	}

	/** A number of the list, or a name: the ids of the children it finds. */
	private Parsed who(String input, FlowContext context) {
		String typed = input.strip();
		List<String> listed = context.text("ids").isEmpty() ? List.of() : List.of(context.text("ids").split(SEPARATOR));
		if (!listed.isEmpty() && typed.matches("\\d{1,3}")) {
			int n = Integer.parseInt(typed);
			return n >= 1 && n <= listed.size() ? Parsed.ok(listed.get(n - 1))
					: Parsed.invalid("emergency.report.who.hint");
		}
		CareScope scope = this.access.scopeOf(context.tenant(), context.identity());
		List<Child> found = ChildFinder.named(this.finder.children(context.tenant(), scope), typed);
		return found.isEmpty() ? Parsed.invalid("emergency.not-found", Map.of("name", typed)) : Parsed.ok(ids(found));
	}

	private List<Option> matches(FlowContext context) {
		List<String> ids = List.of(context.text("who").split(SEPARATOR));
		Map<String, Child> children = this.finder.byId(context.tenant(), ids);
		Map<String, String> labels = this.finder.labels(context.tenant(), children.values());
		List<Option> options = new ArrayList<>();
		for (String id : ids) {
			if (labels.containsKey(id)) {
				options.add(new Option(id, labels.get(id), labels.get(id)));
			}
		}
		return options;
	}

	private Parsed place(String input, FlowContext context) {
		String typed = input.strip();
		List<String> places = this.words.strings("places");
		if (typed.matches("\\d{1,2}")) {
			int n = Integer.parseInt(typed);
			return n >= 1 && n <= places.size() ? Parsed.ok(places.get(n - 1)) : Parsed.invalid("emergency.report.place.hint");
		}
		return typed.isEmpty() || typed.length() > 60 ? Parsed.invalid("emergency.report.place.hint") : Parsed.ok(typed);
	}

	private Completion report(FlowContext context) {
		String tenant = context.tenant();
		String childId = context.text("child");
		Optional<Child> child = this.finder.byId(tenant, List.of(childId)).values().stream().findFirst();
		CareScope scope = this.access.scopeOf(tenant, context.identity());
		if (child.isEmpty() || !scope.covers(child.get())) {
			return Completion.done(this.words.text("no-children"));
		}
		String reporter = context.identity().personId();
		IncidentReporting.Reported reported = this.reporting.report(tenant,
				new Incidents.Report(childId, child.get().classId(), context.text("kind"), context.text("place"),
						context.text("description"), reporter, context.identity().role().code()),
				false);
		Incident incident = reported.incident();
		this.audit.recordFromChat(tenant, reporter, context.identity().displayName(), AUDIT_ACTION, incident.number());
		return Completion.done(reply(tenant, incident, reported.told()));
	}

	private String reply(String tenant, Incident incident, IncidentNotices.Told told) {
		Map<String, Object> p = this.words.params(tenant, incident);
		StringBuilder text = new StringBuilder(this.words.text("reported", p));
		text.append('\n').append(told.reached().isEmpty() ? this.words.text("told-nobody")
				: this.words.text("told", Map.of("names", this.words.names(tenant, told.reached()))));
		if (!told.toPhone().isEmpty()) {
			text.append("\n\n").append(this.words.text("to-phone", Map.of("phones", this.words.phoneList(told.toPhone()))));
		}
		text.append("\n\n").append(this.words.text("watch", p));
		return text.toString();
	}

	private static String ids(List<Child> children) {
		return String.join(SEPARATOR, children.stream().map(Child::id).toList());
	}

	private static String numbered(List<String> items) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
		}
		return text.toString();
	}

}
