package org.qinqing.people.transfer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinqing.people.LeftBehindType;

/** Cleans what people type into spreadsheets: full-width characters, stray spaces, dates and phones in many shapes. */
final class Normalize {

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,5})?");

	private static final Pattern LOCAL = Pattern.compile("\\d{7,8}");

	private static final Map<String, LeftBehindType> LEFT_BEHIND = Map.ofEntries(Map.entry("父亲外出", LeftBehindType.FATHER_AWAY),
			Map.entry("父外出", LeftBehindType.FATHER_AWAY), Map.entry("父亲外出务工", LeftBehindType.FATHER_AWAY),
			Map.entry("母亲外出", LeftBehindType.MOTHER_AWAY), Map.entry("母外出", LeftBehindType.MOTHER_AWAY),
			Map.entry("母亲外出务工", LeftBehindType.MOTHER_AWAY), Map.entry("父母都外出", LeftBehindType.BOTH_AWAY),
			Map.entry("父母外出", LeftBehindType.BOTH_AWAY), Map.entry("父母均外出", LeftBehindType.BOTH_AWAY),
			Map.entry("双亲外出", LeftBehindType.BOTH_AWAY), Map.entry("父母都外出务工", LeftBehindType.BOTH_AWAY),
			Map.entry("其他", LeftBehindType.OTHER), Map.entry("其它", LeftBehindType.OTHER), Map.entry("否", LeftBehindType.NONE),
			Map.entry("非留守", LeftBehindType.NONE), Map.entry("不是", LeftBehindType.NONE), Map.entry("无", LeftBehindType.NONE));

	private static final String CHINESE_DIGITS = "零一二三四五六七八九";

	private Normalize() {
	}

	/** Trims (also full-width and no-break spaces), keeps line breaks inside, and turns full-width digits, letters and brackets into ASCII. */
	static String text(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E' && isAsciiWorthy(c)) {
				out.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000' || c == '\u00A0' || c == '\t') {
				out.append(' ');
			}
			else if (c == '\r') {
				// a line break inside a cell (an address over two lines) is kept, as \n
				out.append('\n');
				if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else if (c != '\uFEFF' && c != '\u200B') {
				out.append(c);
			}
		}
		return out.toString().strip().replaceAll(" {2,}", " ").replaceAll(" *\n *", "\n");
	}

	/** Digits, letters, brackets and the few signs found in dates and phones; Chinese punctuation like ，stays. */
	private static boolean isAsciiWorthy(char c) {
		char ascii = (char) (c - 0xFEE0);
		return Character.isLetterOrDigit(ascii) || "()-./+#@:".indexOf(ascii) >= 0;
	}

	static String header(String raw) {
		return text(raw).replace(" ", "").replace("\n", "").replace("*", "").replaceAll("[(（].*[)）]$", "");
	}

	/** A school's name as people type it: spaces, full-width brackets and the like do not count. */
	static String schoolKey(String raw) {
		return text(raw).replace(" ", "").replace("（", "(").replace("）", ")");
	}

	/** A class name reduced to "3年级1班" whatever the spelling: 三年级(1)班, 三年级1班, ３年级（１）班, 三年级一班. */
	static String classKey(String raw) {
		String s = text(raw).replace(" ", "").replace("(", "").replace(")", "").replace("【", "").replace("】", "");
		s = s.replace("（", "").replace("）", "");
		Matcher m = Pattern.compile("^(.+?)年级(.+?)班$").matcher(s);
		if (!m.matches()) {
			return s;
		}
		String grade = chineseNumber(m.group(1));
		String number = chineseNumber(m.group(2));
		return (grade == null ? m.group(1) : grade) + "年级" + (number == null ? m.group(2) : number) + "班";
	}

	/** 3, 三, 十二 → "3", "3", "12"; null when it is not a small number. */
	private static String chineseNumber(String s) {
		if (s.matches("\\d{1,2}")) {
			return String.valueOf(Integer.parseInt(s));
		}
		if (s.length() == 1 && CHINESE_DIGITS.indexOf(s.charAt(0)) > 0) {
			return String.valueOf(CHINESE_DIGITS.indexOf(s.charAt(0)));
		}
		if (s.equals("十")) {
			return "10";
		}
		if (s.length() == 2 && s.charAt(0) == '十' && CHINESE_DIGITS.indexOf(s.charAt(1)) > 0) {
			return String.valueOf(10 + CHINESE_DIGITS.indexOf(s.charAt(1)));
		}
		return null;
	}

	/** yyyy-MM-dd from 2015-03-09, 2015/3/9, 2015.3.9, 2015年3月9日 or 20150309; null when not a real date. */
	static LocalDate date(String raw) {
		String s = text(raw);
		Matcher m = DATE.matcher(s);
		Matcher compact = COMPACT_DATE.matcher(s);
		try {
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			if (s.matches("[1-9]\\d{4}")) {
				// an Excel date serial in a cell not formatted as a date
				return LocalDate.of(1899, 12, 30).plusDays(Integer.parseInt(s));
			}
			if (compact.matches()) {
				return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
						Integer.parseInt(compact.group(3)));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	/** Digits only, with a dash kept between a landline's area code and number; spaces, brackets, +86 go. */
	static String phone(String raw) {
		String s = text(raw).replace(" ", "").replace("(", "").replace(")", "");
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		else if (s.startsWith("0086")) {
			s = s.substring(4);
		}
		String digitsOnly = s.replace("-", "");
		if (MOBILE.matcher(digitsOnly).matches()) {
			return digitsOnly;
		}
		return s.replaceAll("-{2,}", "-");
	}

	static boolean isMobile(String phone) {
		return MOBILE.matcher(phone).matches();
	}

	/** A landline with its area code (0571-88886666); {@code local} also takes one without (88886666). */
	static boolean isLandline(String phone, boolean local) {
		return LANDLINE.matcher(phone).matches() || (local && LOCAL.matcher(phone).matches());
	}

	static String gender(String raw) {
		String s = text(raw).toUpperCase(Locale.ROOT);
		if (s.equals("男") || s.equals("男生") || s.equals("M")) {
			return "男";
		}
		if (s.equals("女") || s.equals("女生") || s.equals("F")) {
			return "女";
		}
		return null;
	}

	static LeftBehindType leftBehind(String raw) {
		return LEFT_BEHIND.get(text(raw).replace(" ", ""));
	}

	/** The words the import accepts and the export writes. */
	static String leftBehindWord(LeftBehindType type) {
		switch (type) {
			case FATHER_AWAY:
				return "父亲外出";
			case MOTHER_AWAY:
				return "母亲外出";
			case BOTH_AWAY:
				return "父母都外出";
			case OTHER:
				return "其他";
			default:
				return "否";
		}
	}

	/** "58", "58岁" → "58"; null when not an age. */
	static String age(String raw) {
		String s = text(raw).replace("周岁", "").replace("岁", "").strip();
		if (!s.matches("\\d{1,3}")) {
			return null;
		}
		int age = Integer.parseInt(s);
		return age >= 1 && age <= 120 ? String.valueOf(age) : null;
	}

}
