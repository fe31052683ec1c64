package org.qinqing.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.calls.DemoCalls;
import org.qinqing.parenting.DemoLessons;
import org.qinqing.emergency.DemoIncidents;
import org.qinqing.talks.DemoTalks;
import org.qinqing.people.Child;
import org.qinqing.people.ContactCards;
import org.qinqing.people.Directory;
import org.qinqing.people.LeftBehindType;
import org.qinqing.people.Person;
import org.qinqing.people.Role;
import org.qinqing.people.SchoolClass;
import org.qinqing.people.SchoolRecords;
import org.qinqing.wechat.WechatAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo school into the primary account's tenant once (a marker key makes restarts keep
 * what demo users changed) and binds the simulator's personas.
 */
@Component
@Profile("!prod")
public class DemoData implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** Bump when the demo data's shape changes: a demo tenant of another version is reset. */
	private static final String DATA_VERSION = "6";

	private final SchoolRecords records;

	private final ContactCards cards;

	private final StaffAccounts staff;

	private final Directory directory;

	private final StringRedisTemplate redis;

	private final String tenant;

	private final List<DemoPersona> personas = new ArrayList<>();

	private final DemoCalls calls;

	private final Clock clock;

	private final DemoIncidents incidents;

	private final boolean staffAccounts;

	private final DemoLessons lessons;

	private final DemoTalks talks;

	/**
	 * @param staffAccounts whether the demo's teachers get console sign-ins (teacher1, teacher2): usernames are
	 * global, so a second demo tenant on the same Redis (a test's own) leaves them to the first
	 */
	DemoData(SchoolRecords records, ContactCards cards, Directory directory, StringRedisTemplate redis,
			WechatAccounts accounts, StaffAccounts staff, DemoCalls calls, Clock clock, DemoIncidents incidents,
			@org.springframework.beans.factory.annotation.Value("${qinqing.demo.staff-accounts:true}") boolean staffAccounts,
			DemoLessons lessons, DemoTalks talks) {
		this.lessons = lessons;
		this.talks = talks;
		this.incidents = incidents;
		this.staffAccounts = staffAccounts;
		this.clock = clock;
		this.calls = calls;
		this.staff = staff;
		this.records = records;
		this.cards = cards;
		this.directory = directory;
		this.redis = redis;
		this.tenant = accounts.primary().tenantId();
	}

	@Override
	public void afterPropertiesSet() {
		DemoSchool school = DemoSchool.generate();
		String marker = org.qinqing.system.RedisKeys.of(this.tenant, "demo", "loaded");
		String loaded = this.redis.opsForValue().get(marker);
		String callsMarker = org.qinqing.system.RedisKeys.of(this.tenant, "demo", "calls-through");
		if (!DATA_VERSION.equals(loaded)) {
			if (loaded != null) {
				// a demo tenant from an older version of the demo data is reset, never mixed
				reset();
			}
			this.redis.opsForValue().set(marker, DATA_VERSION);
			this.records.save(this.tenant, DemoSchool.SCHOOL);
			school.classes.forEach(c -> this.records.save(this.tenant, c));
			this.cards.updateAll(this.tenant, school.cards, "演示数据");
			this.records.saveChildren(this.tenant, school.children);
			this.records.savePeople(this.tenant, school.people);
			choosePersonas(school);
			java.util.Set<String> personaFamilies = personaFamilies();
			int calls = this.calls.seed(this.tenant, school.children, personaFamilies, null);
			this.redis.opsForValue().set(callsMarker, DemoCalls.comingThrough(today()).toString());
			log.info("Seeded {} demo video calls", calls);
			log.info("Loaded the demo school: {} classes, {} pupils ({} left-behind), {} adults", school.classes.size(),
					school.children.size(), school.children.stream().filter(c -> c.leftBehind().isLeftBehind()).count(),
					school.people.size());
		}
		if (this.personas.isEmpty()) {
			choosePersonas(school);
			topUpCalls(school, callsMarker);
		}
		for (DemoPersona persona : this.personas) {
			if (!persona.personId().isEmpty()) {
				this.directory.bind(this.tenant, persona.openid(), persona.personId());
			}
		}
		// one closed incident this term (again in a new term), away from the personas' families
		this.incidents.seed(this.tenant, school.children, personaFamilies())
			.ifPresent(number -> log.info("Added the demo's incident {} of this term", number));
		if (this.staffAccounts) {
			demoTeacherAccounts();
		}
		// the parenting school's term so far (and the Fridays since the demo last ran)
		java.util.Set<String> personaPeople = new java.util.HashSet<>();
		this.personas.forEach(p -> personaPeople.add(p.personId()));
		int lessonsGiven = this.lessons.seed(this.tenant, school.children, school.people, school.classes, personaPeople);
		if (lessonsGiven > 0) {
			log.info("Seeded {} demo lessons given, with their reads and answers", lessonsGiven);
		}
		// a few months of talk cards and one open plan (once)
		this.talks.seed(this.tenant);
	}

	/**
	 * A demo started again days or months after it was loaded: the calls of the days since (past ones with
	 * how they went, and the coming days') are added, so its console and chat never look abandoned.
	 */
	private void topUpCalls(DemoSchool school, String callsMarker) {
		String through = this.redis.opsForValue().get(callsMarker);
		LocalDate seeded = through == null ? null : LocalDate.parse(through);
		LocalDate wanted = DemoCalls.comingThrough(today());
		if (seeded != null && !seeded.isBefore(wanted)) {
			return;
		}
		int calls = this.calls.seed(this.tenant, school.children, personaFamilies(), seeded);
		this.redis.opsForValue().set(callsMarker, wanted.toString());
		log.info("Added {} demo video calls for the days since the demo last ran", calls);
	}

	private java.util.Set<String> personaFamilies() {
		java.util.Set<String> families = new java.util.HashSet<>();
		for (DemoPersona persona : this.personas) {
			this.records.person(this.tenant, persona.personId())
				.ifPresent(p -> p.childIds()
					.forEach(id -> this.records.child(this.tenant, id).ifPresent(c -> families.add(c.familyId()))));
		}
		return families;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Console sign-ins for the two demo teachers (the admin comes from configuration). */
	private void demoTeacherAccounts() {
		int n = 0;
		for (DemoPersona persona : this.personas) {
			if (persona.role() == Role.TEACHER) {
				String username = "teacher" + (++n);
				boolean here = this.staff.find(username).map(u -> u.tenant().equals(this.tenant)).orElse(false);
				if (!here) {
					this.staff.save(new StaffUser(username, this.tenant, StaffRole.TEACHER, persona.personId(),
							persona.name()), DEMO_PASSWORD);
				}
			}
		}
	}

	/** Demo sign-ins, listed in the README; never used by the prod profile, which loads no demo data. */
	static final String DEMO_PASSWORD = "qinqing-demo";

	private void reset() {
		var options = org.springframework.data.redis.core.ScanOptions.scanOptions()
			.match(org.qinqing.system.RedisKeys.of(this.tenant, "*"))
			.count(1000)
			.build();
		// console accounts are kept: the first admin may already have been created in this tenant
		String staff = org.qinqing.system.RedisKeys.of(this.tenant, "staff");
		try (var keys = this.redis.scan(options)) {
			// staff accounts are configuration, not demo data
			keys.forEachRemaining(key -> {
				if (!key.equals(staff) && !key.startsWith(staff + ":")) {
					this.redis.delete(key);
				}
			});
		}
	}

	private void choosePersonas(DemoSchool school) {
		Map<String, Child> children = school.children.stream().collect(Collectors.toMap(Child::id, c -> c));
		Map<String, String> classNames = school.classes.stream()
			.collect(Collectors.toMap(SchoolClass::id, SchoolClass::name));
		Predicate<Person> twoLeftBehind = p -> p.childIds().size() == 2
				&& children.get(p.childIds().get(0)).leftBehind() == LeftBehindType.BOTH_AWAY;
		Predicate<Person> oneLeftBehind = p -> p.childIds().size() == 1
				&& children.get(p.childIds().get(0)).leftBehind().isLeftBehind();
		List<Person> people = school.people;
		add("demo-parent-1", first(people, Role.PARENT, twoLeftBehind, 0), children, classNames);
		add("demo-parent-2", first(people, Role.PARENT, oneLeftBehind, 1), children, classNames);
		add("demo-guardian-1", first(people, Role.GUARDIAN, twoLeftBehind, 0), children, classNames);
		add("demo-guardian-2", first(people, Role.GUARDIAN, oneLeftBehind, 2), children, classNames);
		add("demo-teacher-1", first(people, Role.TEACHER, p -> !p.classIds().isEmpty(), 0), children, classNames);
		add("demo-teacher-2", first(people, Role.TEACHER, p -> !p.classIds().isEmpty(), 2), children, classNames);
		add("demo-admin", first(people, Role.ADMIN, p -> true, 0), children, classNames);
		this.personas.add(new DemoPersona("demo-visitor", Role.VISITOR, "", "", ""));
	}

	private static Person first(List<Person> people, Role role, Predicate<Person> matching, int skip) {
		return people.stream().filter(p -> p.role() == role).filter(matching).skip(skip).findFirst().orElseThrow();
	}

	private void add(String openid, Person person, Map<String, Child> children, Map<String, String> classNames) {
		String names = person.role() == Role.TEACHER || person.role() == Role.ADMIN
				? person.classIds().stream().map(classNames::get).collect(Collectors.joining("、"))
				: person.childIds()
					.stream()
					.map(children::get)
					.map(c -> c.name() + " " + classNames.get(c.classId()))
					.collect(Collectors.joining("、"));
		this.personas.add(new DemoPersona(openid, person.role(), person.id(), person.name(), names));
	}

	/** A few unbound family members and a teacher whose binding codes the simulator offers. */
	public List<Person> codeHolders() {
		List<Person> holders = new ArrayList<>();
		java.util.Set<String> bound = new java.util.HashSet<>();
		this.personas.forEach(p -> bound.add(p.personId()));
		for (Role role : List.of(Role.PARENT, Role.GUARDIAN, Role.TEACHER)) {
			for (String id : this.records.ids(this.tenant, "person")) {
				Person person = this.records.person(this.tenant, id).orElse(null);
				if (person != null && person.role() == role && !bound.contains(id)
						&& this.directory.openidsOf(this.tenant, id).isEmpty()) {
					holders.add(person);
					break;
				}
			}
		}
		return holders;
	}

	public List<DemoPersona> personas() {
		return List.copyOf(this.personas);
	}

	public String tenant() {
		return this.tenant;
	}

}
