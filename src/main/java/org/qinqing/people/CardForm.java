package org.qinqing.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a contact card as typed in the console. Empty values are allowed (a card may be incomplete);
 * what is typed must be well formed. Errors are message keys per field key.
 */
final class CardForm {

	/** Mainland mobile: 11 digits starting 1[3-9]. */
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	/** Landline: area code 0xx or 0xxx, an optional dash, 7 or 8 digits. */
	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private CardForm() {
	}

	static int maxLength(CardField field) {
		switch (field) {
			case CHILD_GENDER:
				return 4;
			case CHILD_BIRTH_DATE:
				return 10;
			case GUARDIAN_AGE:
				return 3;
			case FATHER_NAME:
			case MOTHER_NAME:
			case GUARDIAN_NAME:
			case GUARDIAN_RELATION:
				return 20;
			case HOME_ADDRESS:
			case GUARDIAN_ADDRESS:
			case FATHER_WORK_UNIT_ADDRESS:
			case MOTHER_WORK_UNIT_ADDRESS:
				return 100;
			default:
				return field.isPhone() ? 13 : 50;
		}
	}

	/**
	 * The submitted card fields, stripped. A field that was not submitted at all is left out (and so
	 * left unchanged); one submitted empty is cleared.
	 */
	static Map<CardField, String> read(Map<String, String> params) {
		Map<CardField, String> values = new EnumMap<>(CardField.class);
		for (CardField field : CardField.values()) {
			String value = params.get(field.key());
			if (value != null) {
				values.put(field, value.strip());
			}
		}
		return values;
	}

	/** Field key to error message key; empty when the card may be saved. */
	static Map<String, String> validate(Map<CardField, String> values) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Map.Entry<CardField, String> entry : values.entrySet()) {
			CardField field = entry.getKey();
			String value = entry.getValue();
			if (value.isEmpty()) {
				continue;
			}
			if (value.length() > maxLength(field)) {
				errors.put(field.key(), "archives.error.tooLong");
			}
			else if (field.isPhone() && !isPhone(value)) {
				errors.put(field.key(), "archives.error.phone");
			}
			else if (field == CardField.GUARDIAN_AGE && !isAge(value)) {
				errors.put(field.key(), "archives.error.age");
			}
			else if (field == CardField.CHILD_BIRTH_DATE && !isDate(value)) {
				errors.put(field.key(), "archives.error.date");
			}
		}
		return errors;
	}

	static boolean isPhone(String value) {
		return MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches();
	}

	private static boolean isAge(String value) {
		if (!value.matches("\\d{1,3}")) {
			return false;
		}
		int age = Integer.parseInt(value);
		return age >= 1 && age <= 120;
	}

	private static boolean isDate(String value) {
		try {
			LocalDate.parse(value, DATE);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** 199****0012: the first three and last four digits of a phone, the rest hidden. */
	static String mask(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		String digits = phone.replace("-", "");
		if (digits.length() < 8) {
			return "****";
		}
		return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
	}

}
