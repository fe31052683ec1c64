package org.qinqing.conversation;

/**
 * One numbered option of a {@link Step.Kind#PICK} step: the value kept as the answer, the words shown
 * in the list, and the brief words later prompts use ({@code {<step>Label}}), e.g. "17:30" for an option
 * shown as "17:30（已约满，可以排队）". None may contain a tab or a line break: the options shown are
 * kept in the session.
 */
public record Option(String value, String label, String brief) {

	public Option {
		brief = brief == null ? label : brief;
		if (oneLine(value) || oneLine(label) || oneLine(brief)) {
			throw new IllegalArgumentException("An option is one line without tabs: " + value + " / " + label);
		}
	}

	public Option(String value, String label) {
		this(value, label, label);
	}

	private static boolean oneLine(String text) {
		return text.contains("\t") || text.contains("\n");
	}

}
