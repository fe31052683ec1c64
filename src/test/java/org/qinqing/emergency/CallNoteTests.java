package org.qinqing.emergency;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How teachers write down a call: the relation, maybe the incident's number, maybe the time (else now). */
class CallNoteTests {

	@Test
	void relationAndTime() {
		assertThat(CallNote.parse(" 奶奶 10:42")).contains(new CallNote("", "奶奶", Optional.of(LocalTime.of(10, 42))));
		assertThat(CallNote.parse("奶奶10点42分")).contains(new CallNote("", "奶奶", Optional.of(LocalTime.of(10, 42))));
		assertThat(CallNote.parse("爸爸 9：05")).contains(new CallNote("", "爸爸", Optional.of(LocalTime.of(9, 5))));
		assertThat(CallNote.parse("E12 外婆")).contains(new CallNote("E12", "外婆", Optional.empty()));
		assertThat(CallNote.parse(" e3 林建国 11点")).contains(new CallNote("E3", "林建国", Optional.of(LocalTime.of(11, 0))));
	}

	@Test
	void nobodyOrAnImpossibleTimeIsNoNote() {
		assertThat(CallNote.parse("")).isEmpty();
		assertThat(CallNote.parse("10:42")).isEmpty();
		assertThat(CallNote.parse("奶奶 25:10")).isEmpty();
	}

	@Test
	void theTimeIsTodaysOrNow() {
		LocalDateTime now = java.time.LocalDate.now().atTime(11, 7);
		assertThat(CallNote.parse("奶奶 10:42").orElseThrow().when(now)).isEqualTo(now.toLocalDate().atTime(10, 42));
		assertThat(CallNote.parse("奶奶").orElseThrow().when(now)).isEqualTo(now);
		assertThat(CallNote.parse("奶奶 11:10").orElseThrow().when(now)).as("a clock's difference")
			.isEqualTo(now.toLocalDate().atTime(11, 10));
		LocalDateTime pastMidnight = now.toLocalDate().atTime(0, 5);
		assertThat(CallNote.parse("奶奶 23:50").orElseThrow().when(pastMidnight))
			.isEqualTo(now.toLocalDate().minusDays(1).atTime(23, 50));
	}

}
