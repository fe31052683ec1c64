package org.qinqing.console.signin;

import org.qinqing.system.SchoolTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qinqing.console.StaffAccounts;
import org.qinqing.console.StaffRole;
import org.qinqing.console.StaffUser;
import org.qinqing.support.ConsoleBrowser;
import org.qinqing.support.ConsoleBrowser.Page;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in over HTTP from several client addresses: each {@link ConsoleBrowser#from} call comes from its
 * own 127.x.y.z, which is what Tomcat hands Spring Security as the remote address. Addresses are
 * random per run and never 127.0.0.1, which the other tests sign in from.
 */
class SignInGuardTests extends PortalTestSupport {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "qinqing-demo";

	private static final String WRONG = "用户名或密码不对，请再试一次。";

	private static final Pattern LOCKED = Pattern
		.compile("这台设备输错密码的次数太多了.*?请在 (\\d\\d:\\d\\d) 以后再试（大约 (\\d+) 分钟）");

	private static final Pattern SLOWED = Pattern.compile("系统正在放慢登录速度，这次没有核对密码。请等 (\\d+) 秒");

	private static final ZoneId SCHOOL = SchoolTime.ZONE;

	@Autowired
	private StaffAccounts accounts;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** {@code count} loopback addresses in different /24s, so each shows as its own masked address. */
	private static List<String> addresses(int count) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int second = random.nextInt(1, 255);
		int third = random.nextInt(0, 256 - count);
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			addresses.add("127." + second + "." + (third + i) + "." + random.nextInt(1, 255));
		}
		return addresses;
	}

	private static String masked(String address) {
		return address.substring(0, address.lastIndexOf('.')) + ".x";
	}

	/** Signs in and returns the sign-in page's message when it failed (empty when it worked). */
	private static String signIn(ConsoleBrowser browser, String username, String password) {
		Page answer = browser.signIn(username, password);
		assertThat(answer.status()).isEqualTo(302);
		if (answer.location().endsWith("/console")) {
			return "";
		}
		assertThat(answer.location()).endsWith("/console/login?error");
		Page page = browser.get("/console/login?error");
		Matcher error = Pattern.compile("<p class=\"error\"[^>]*>([^<]+)</p>").matcher(page.body());
		assertThat(error.find()).as("the sign-in page says why").isTrue();
		return error.group(1);
	}

	@Test
	void fiveWrongPasswordsLockTheAdminOutOfThatAddressOnly() {
		String[] two = addresses(2).toArray(String[]::new);
		ConsoleBrowser attacker = ConsoleBrowser.from(this.port, two[0]);
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(attacker, ADMIN, "guess-" + i)).as("attempt %d", i).isEqualTo(WRONG);
		}
		Instant fifth = Instant.now();
		String locked = signIn(attacker, ADMIN, "guess-5");
		assertLockedFor15Minutes(locked, fifth);

		// the right password from that address fails too, without a word about the password
		String rightButLocked = signIn(attacker, ADMIN, ADMIN_PASSWORD);
		assertThat(rightButLocked).matches(LOCKED.pattern() + ".*");
		assertThat(attacker.get("/console").location()).endsWith("/console/login");

		// the admin elsewhere, and on this machine's usual address, signs in
		assertThat(signIn(ConsoleBrowser.from(this.port, two[1]), ADMIN, ADMIN_PASSWORD)).isEmpty();
		assertThat(new ConsoleBrowser(this.port).signIn(ADMIN, ADMIN_PASSWORD).location()).endsWith("/console");
	}

	private static void assertLockedFor15Minutes(String message, Instant at) {
		Matcher m = LOCKED.matcher(message);
		assertThat(m.find()).as(message).isTrue();
		assertThat(Integer.parseInt(m.group(2))).isBetween(14, 15);
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
		assertThat(m.group(1)).isIn(List.of(14, 15, 16)
			.stream()
			.map(minutes -> hhmm.format(at.plus(Duration.ofMinutes(minutes)).atZone(SCHOOL)))
			.toList());
	}

	@Test
	void anAdminSeesTheFailuresWithMaskedAddressesAndWhichAreLockedButATeacherMayNot() {
		String username = unique("watched-");
		this.accounts.save(new StaffUser(username, TENANT, StaffRole.TEACHER, "", "被盯上的老师"), "watched-password-1");
		List<String> from = addresses(2);
		ConsoleBrowser first = ConsoleBrowser.from(this.port, from.get(0));
		for (int i = 1; i <= 5; i++) {
			signIn(first, username, "wrong-" + i);
		}
		ConsoleBrowser second = ConsoleBrowser.from(this.port, from.get(1));
		signIn(second, username, "wrong-a");
		signIn(second, username, "wrong-b");

		ConsoleBrowser admin = new ConsoleBrowser(this.port);
		assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD).location()).endsWith("/console");
		Page page = admin.get("/console/admin/sign-ins");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("账号 " + username, masked(from.get(0)), masked(from.get(1)))
			.doesNotContain(from.get(0), from.get(1))
			.contains("各地址共输错 7 次");
		String lockedRow = row(page.body(), masked(from.get(0)));
		assertThat(lockedRow).contains(">5<", "已暂停登录，");
		String openRow = row(page.body(), masked(from.get(1)));
		assertThat(openRow).contains(">2<", "可以登录").doesNotContain("已暂停登录");

		// Redis holds no full address either
		SignInKeys keys = SignInKeys.of(username);
		assertThat(this.redis.opsForZSet().range(keys.addresses(), 0, -1)).hasSize(2)
			.noneMatch(member -> member.contains("127."));

		// the way there: the accounts page and the dashboard's header
		assertThat(admin.get("/console/admin/accounts").body()).contains("href=\"/console/admin/sign-ins\"");
		assertThat(admin.get("/console").body()).contains("href=\"/console/admin/sign-ins\"");

		String teacher = unique("t-");
		this.accounts.save(new StaffUser(teacher, TENANT, StaffRole.TEACHER, "", "好奇的老师"), "teacher-password-1");
		ConsoleBrowser curious = new ConsoleBrowser(this.port);
		assertThat(curious.signIn(teacher, "teacher-password-1").location()).endsWith("/console");
		assertThat(curious.get("/console/admin/sign-ins").status()).isEqualTo(403);
		assertThat(curious.get("/console").body()).doesNotContain("/console/admin/sign-ins");
	}

	/** The table row of the sign-ins page that shows this masked address. */
	private static String row(String body, String masked) {
		for (String row : body.split("<tr")) {
			if (row.contains(">" + masked + "<")) {
				return row;
			}
		}
		throw new AssertionError("no row for " + masked);
	}

	@Test
	void manyWrongPasswordsFromManyAddressesSlowTheAccountDownButItsOwnerStillGetsIn() throws Exception {
		String username = unique("head-");
		String password = "head-password-1";
		this.accounts.save(new StaffUser(username, TENANT, StaffRole.ADMIN, "", "被猜密码的校长"), password);
		List<String> from = addresses(14);
		String home = from.get(0);
		String attacker = from.get(11);
		String fresh = from.get(12);
		try {
			// the owner signed in from home before the attack: home is the account's own address now
			assertThat(signIn(ConsoleBrowser.from(this.port, home), username, password)).isEmpty();

			// 20 wrong passwords, two from each of ten addresses: none locked, the account slowed
			for (String address : from.subList(1, 11)) {
				ConsoleBrowser guesser = ConsoleBrowser.from(this.port, address);
				assertThat(signIn(guesser, username, "guess-1-" + address)).isEqualTo(WRONG);
				assertThat(signIn(guesser, username, "guess-2-" + address)).isEqualTo(WRONG);
			}

			// one password is checked, and for the next few seconds none is
			ConsoleBrowser guesser = ConsoleBrowser.from(this.port, attacker);
			assertThat(signIn(guesser, username, "guess-21")).isEqualTo(WRONG);
			ConsoleBrowser owner = ConsoleBrowser.from(this.port, fresh);
			String slowed = signIn(owner, username, password);
			Matcher wait = SLOWED.matcher(slowed);
			assertThat(wait.find()).as(slowed).isTrue();
			assertThat(Integer.parseInt(wait.group(1))).isBetween(1, 5);
			assertThat(signIn(guesser, username, "guess-22")).matches(".*" + SLOWED.pattern() + ".*");

			// from home the owner gets straight in
			assertThat(signIn(ConsoleBrowser.from(this.port, home), username, password)).isEmpty();

			// the school's admin is told, and sees it on the sign-ins page
			ConsoleBrowser admin = new ConsoleBrowser(this.port);
			assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD).location()).endsWith("/console");
			assertThat(admin.get("/console").body()).contains("账号 " + username + " 正在被人反复尝试登录");
			Page page = admin.get("/console/admin/sign-ins");
			assertThat(page.body()).contains("账号 " + username, "登录速度已放慢");
			// the refused guess was not counted: one checked wrong password from that address
			assertThat(row(page.body(), masked(attacker))).contains(">1<");

			// from a new address the owner gets in after the short wait
			Instant deadline = Instant.now().plusSeconds(15);
			String answer = slowed;
			while (!answer.isEmpty() && Instant.now().isBefore(deadline)) {
				Thread.sleep(500);
				answer = signIn(owner, username, password);
			}
			assertThat(answer).as("the owner from a new address, within 15 s").isEmpty();
			assertThat(owner.get("/console").status()).isEqualTo(200);
		}
		finally {
			// later tests' dashboards need not carry this account's notice
			this.redis.delete(SignInKeys.of(username).slowed());
		}
	}

	@Test
	void aMadeUpNameIsLockedLikeARealOneSoTheAnswersDoNotTellWhichExistButItIsNotKept() {
		String nobody = unique("nobody-");
		ConsoleBrowser guesser = ConsoleBrowser.from(this.port, addresses(1).get(0));
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(guesser, nobody, "guess-" + i)).isEqualTo(WRONG);
		}
		assertLockedFor15Minutes(signIn(guesser, nobody, "guess-5"), Instant.now().minusSeconds(1));
		assertThat(this.redis.hasKey(SignInKeys.of(nobody).addresses())).isFalse();
	}

	@Test
	void theSignInPageSaysTheRuleWithItsNumbers() {
		Page page = new ConsoleBrowser(this.port).get("/console/login");
		assertThat(page.body()).contains("同一台设备 15 分钟内输错 5 次密码，要等 15 分钟");
	}

}
