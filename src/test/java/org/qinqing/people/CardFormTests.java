package org.qinqing.people;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact card's input rules and the list's phone mask. */
class CardFormTests {

	private static Map<String, String> errorsFor(CardField field, String value) {
		Map<CardField, String> values = new EnumMap<>(CardField.class);
		values.put(field, value);
		return CardForm.validate(values);
	}

	@Test
	void phonesAreMainlandMobilesOrLandlines() {
		for (String good : new String[] { "13912345678", "19900000012", "0851-12345678", "085112345678", "010-1234567" }) {
			assertThat(errorsFor(CardField.GUARDIAN_PHONE, good)).as(good).isEmpty();
		}
		for (String bad : new String[] { "12345", "12912345678", "139123456789", "1391234567a", "851-12345678",
				"139 1234 5678" }) {
			assertThat(errorsFor(CardField.FATHER_WORK_UNIT_PHONE, bad)).as(bad)
				.containsEntry("father.workUnitPhone", "archives.error.phone");
		}
	}

	@Test
	void agesDatesAndLengthsAreChecked() {
		assertThat(errorsFor(CardField.GUARDIAN_AGE, "58")).isEmpty();
		assertThat(errorsFor(CardField.GUARDIAN_AGE, "0")).containsValue("archives.error.age");
		assertThat(errorsFor(CardField.GUARDIAN_AGE, "121")).containsValue("archives.error.age");
		assertThat(errorsFor(CardField.GUARDIAN_AGE, "六十")).containsValue("archives.error.age");
		assertThat(errorsFor(CardField.CHILD_BIRTH_DATE, "2016-02-29")).isEmpty();
		assertThat(errorsFor(CardField.CHILD_BIRTH_DATE, "2015-02-29")).containsValue("archives.error.date");
		assertThat(errorsFor(CardField.CHILD_BIRTH_DATE, "2016/02/01")).containsValue("archives.error.date");
		assertThat(errorsFor(CardField.GUARDIAN_NAME, "张".repeat(21))).containsValue("archives.error.tooLong");
		assertThat(errorsFor(CardField.HOME_ADDRESS, "村".repeat(100))).isEmpty();
		assertThat(errorsFor(CardField.GUARDIAN_PHONE, "")).as("empty clears the field").isEmpty();
	}

	@Test
	void onlySubmittedFieldsAreRead() {
		Map<CardField, String> read = CardForm.read(Map.of("guardian.phone", " 13912345678 ", "_csrf", "x"));
		assertThat(read).containsOnly(Map.entry(CardField.GUARDIAN_PHONE, "13912345678"));
	}

	@Test
	void theListShowsOnlyTheEndsOfAPhone() {
		assertThat(CardForm.mask("19900000012")).isEqualTo("199****0012");
		assertThat(CardForm.mask("0851-12345678")).isEqualTo("085****5678");
		assertThat(CardForm.mask("12345")).isEqualTo("****");
		assertThat(CardForm.mask(null)).isEmpty();
	}

}
