package org.qinqing.people;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing binding codes from many WeChat users at once, against a school with 300 open codes: the per-user
 * lock-out alone let 4,000 guesses from 1,000 openids through in 7 s. Now the school's alarm goes up after
 * 20 wrong codes and from then on one attempt in ten seconds is checked, whoever sends it.
 */
class BindingGuessingTests extends PortalTestSupport {

	@Autowired
	SchoolRecords records;

	@Autowired
	Directory directory;

	private final Random random = new Random(20261201);

	@Test
	void twoThousandGuessesFromFiveHundredOpenidsBindNobodyAndAlertTheAdmin() {
		String tenant = TENANT + "-guess-" + UUID.randomUUID().toString().substring(0, 8);
		BindingCodes codes = new BindingCodes(this.redis, Clock.systemUTC(), BindingProperties.defaults());
		Set<String> open = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			open.add(codes.issue(tenant, "p" + i, "test"));
		}
		Map<BindingCodes.Result, Integer> results = new EnumMap<>(BindingCodes.Result.class);
		int checkedRealCodes = 0;
		long started = System.nanoTime();
		for (int user = 0; user < 500; user++) {
			for (int guess = 0; guess < 4; guess++) {
				// a careful guesser: well-formed codes only (a typo never reaches the school's count)
				String code = BindingCodeFormat.withCheckDigit(String.format("%07d", this.random.nextInt(10_000_000)));
				BindingCodes.Redemption r = codes.redeem(tenant, "guesser-" + user, code);
				results.merge(r.result(), 1, Integer::sum);
				if (r.result() != BindingCodes.Result.SLOWED && open.contains(code)) {
					checkedRealCodes++;
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int checked = 2000 - results.getOrDefault(BindingCodes.Result.SLOWED, 0);
		System.out.printf("2,000 guesses in %.1f s: %s%n", seconds, results);
		// 20 wrong codes raise the alarm; after that one attempt per 10 s (and one more when a gap passes)
		assertThat(checked).isLessThanOrEqualTo(20 + 1 + (int) (seconds / 10) + 1);
		assertThat(results.getOrDefault(BindingCodes.Result.BOUND, 0)).isEqualTo(checkedRealCodes);
		assertThat(checkedRealCodes).as("a checked guess that was a real code (odds ~0.1%)").isZero();
		assertThat(codes.alarm(tenant)).get().satisfies(alarm -> assertThat(alarm.failures()).isGreaterThanOrEqualTo(20));
		assertThat(codes.failuresOn(tenant, java.time.LocalDate.now(Clock.systemUTC()))).isEqualTo(checked);
	}

	@Test
	void aTypoIsToldApartFromAGuessAndDoesNotCountForTheSchool() {
		String tenant = TENANT + "-typo-" + UUID.randomUUID().toString().substring(0, 8);
		BindingCodes codes = new BindingCodes(this.redis, Clock.systemUTC(), BindingProperties.defaults());
		String code = codes.issue(tenant, "p1", "test");
		String swapped = code.substring(0, 2) + code.charAt(3) + code.charAt(2) + code.substring(4);
		String oneWrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10) + code.substring(6);
		for (String typo : List.of(swapped, oneWrong)) {
			if (!typo.equals(code)) {
				assertThat(codes.redeem(tenant, "grandma", typo).result()).as(typo).isEqualTo(BindingCodes.Result.TYPO);
			}
		}
		assertThat(codes.failuresOn(tenant, java.time.LocalDate.now(Clock.systemUTC()))).isZero();
		assertThat(codes.redeem(tenant, "grandma", code).result()).isEqualTo(BindingCodes.Result.BOUND);
	}

	@Test
	void aQrSceneCarriesALongRandomTokenNotTheCode() {
		String tenant = TENANT + "-scene-" + UUID.randomUUID().toString().substring(0, 8);
		BindingCodes codes = new BindingCodes(this.redis, Clock.systemUTC(), BindingProperties.defaults());
		String code = codes.issue(tenant, "p1", "test");
		String scene = codes.qrScene(tenant, code).orElseThrow();
		assertThat(scene).startsWith("bind:").doesNotContain(code).hasSizeGreaterThanOrEqualTo(5 + 24);
		assertThat(codes.redeemScene(tenant, "o-scan", scene.substring(5)).result()).isEqualTo(BindingCodes.Result.BOUND);
		List<BindingCodes.Result> guessed = new ArrayList<>();
		guessed.add(codes.redeemScene(tenant, "o-guess", "AAAAAAAAAAAAAAAAAAAAAAAA").result());
		assertThat(guessed).containsExactly(BindingCodes.Result.WRONG);
	}

}
