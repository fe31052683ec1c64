package org.qinqing.calls.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinqing.support.TestDates;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallsTestData;
import org.qinqing.calls.Closure;
import org.qinqing.calls.ExtraOpening;
import org.qinqing.calls.OpeningHours;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings form on its own: settings → form → posted fields → the same settings, and its checks. */
class CallSettingsFormTests {

	static final LocalDate TODAY = TestDates.TODAY;

	/** What the page posts for a form: the fields as the template names them. */
	static MultiValueMap<String, String> posted(CallSettingsForm form) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("stations", form.stations());
		for (int i = 0; i < form.hours().size(); i++) {
			params.add("hoursFor." + i, form.hours().get(i).station());
			params.add("hours." + i, form.hours().get(i).text());
		}
		form.numbers().forEach(params::add);
		if (form.guardiansMayBook()) {
			params.add("guardiansMayBook", "true");
		}
		form.closures().forEach(c -> params.add("closure", c.value()));
		form.extras().forEach(e -> params.add("extra", e.value()));
		return params;
	}

	@Test
	void savedSettingsRoundTripThroughTheForm() {
		CallSettings settings = CallsTestData.defaultSettings()
			.withClosure(Closure.allStations(TODAY.plusDays(3)))
			.withClosure(new Closure(TODAY.plusDays(4), CallsTestData.TABLET))
			.withExtraOpening(new ExtraOpening(TODAY.plusDays(8), LocalTime.of(14, 0), LocalTime.of(15, 30),
					CallsTestData.PHONE))
			.withGuardiansMayBook(false);
		CallSettingsForm.Checked checked = CallSettingsForm.read(posted(CallSettingsForm.of(settings))).validate(TODAY);
		assertThat(checked.problems()).isEmpty();
		assertThat(checked.settings()).isEqualTo(settings);
	}

	@Test
	void weeklyHoursAreWrittenAsRunsOfDays() {
		List<OpeningHours> hours = new java.util.ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
			hours.add(new OpeningHours(day, LocalTime.of(16, 30), LocalTime.of(18, 0)));
		}
		hours.add(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(11, 30)));
		assertThat(CallSettingsForm.lines(hours)).containsExactly("MON-WED 16:30-18:00", "FRI 16:30-18:00",
				"SAT 09:00-11:30");
	}

	@Test
	void removingAndAddingClosuresAndExtraOpenings() {
		CallSettings settings = CallsTestData.defaultSettings().withClosure(Closure.allStations(TODAY.plusDays(3)));
		MultiValueMap<String, String> params = posted(CallSettingsForm.of(settings));
		params.add("removeClosure", TODAY.plusDays(3) + "|");
		params.add("newClosureDate", TODAY.toString());
		params.add("newClosureStation", CallsTestData.PHONE);
		params.add("newExtraDate", TODAY.plusDays(1).toString());
		params.add("newExtraFrom", "08:00");
		params.add("newExtraTo", "08:30");
		params.add("newExtraStation", CallsTestData.TABLET);
		CallSettings saved = CallSettingsForm.read(params).validate(TODAY).settings();
		assertThat(saved.closures()).containsExactly(new Closure(TODAY, CallsTestData.PHONE));
		assertThat(saved.extraOpenings()).containsExactly(
				new ExtraOpening(TODAY.plusDays(1), LocalTime.of(8, 0), LocalTime.of(8, 30), CallsTestData.TABLET));
	}

	@Test
	void mistakesAreNamedPerFieldAndTheTypedTextIsKept() {
		MultiValueMap<String, String> params = posted(CallSettingsForm.of(CallsTestData.defaultSettings()));
		params.set("hours.0", "MON-FRI 16:30-18:00\n周一 四点");
		params.set("bookingWindow", "90");
		params.set("minNotice", "-5");
		params.add("newClosureStation", "礼堂");
		params.add("newClosureDate", TODAY.plusDays(2).toString());
		params.add("newExtraDate", TODAY.minusDays(1).toString());
		params.add("newExtraFrom", "08:00");
		params.add("newExtraTo", "09:00");
		CallSettingsForm form = CallSettingsForm.read(params);
		CallSettingsForm.Checked checked = form.validate(TODAY);
		assertThat(checked.settings()).isNull();
		assertThat(checked.problems()).containsOnlyKeys("hours.0", "bookingWindow", "minNotice", "newClosure", "newExtra");
		assertThat(checked.problems().get("hours.0").args()).containsExactly(CallsTestData.PHONE, 2, "周一 四点");
		assertThat(checked.problems().get("newClosure").key()).isEqualTo("calls.settings.error.station.unknown");
		assertThat(checked.problems().get("newExtra").key()).isEqualTo("calls.settings.error.extra.past");
		assertThat(form.hours().get(0).text()).isEqualTo("MON-FRI 16:30-18:00\n周一 四点");
		assertThat(form.numbers()).containsEntry("bookingWindow", "90").containsEntry("minNotice", "-5");
	}

	@Test
	void anExtraOpeningOfARemovedStationMustGoToo() {
		CallSettings settings = CallsTestData.defaultSettings()
			.withExtraOpening(new ExtraOpening(TODAY.plusDays(2), LocalTime.of(9, 0), LocalTime.of(10, 0),
					CallsTestData.TABLET));
		MultiValueMap<String, String> params = posted(CallSettingsForm.of(settings));
		params.set("stations", CallsTestData.PHONE);
		CallSettingsForm.Checked checked = CallSettingsForm.read(params).validate(TODAY);
		assertThat(checked.problems()).containsOnlyKeys("extras");
		params.add("removeExtra", params.getFirst("extra"));
		CallSettings saved = CallSettingsForm.read(params).validate(TODAY).settings();
		assertThat(saved.stations()).containsExactly(CallsTestData.PHONE);
		assertThat(saved.hours().get(CallsTestData.PHONE)).isEqualTo(settings.hours().get(CallsTestData.PHONE));
		assertThat(saved.extraOpenings()).isEmpty();
	}

}
