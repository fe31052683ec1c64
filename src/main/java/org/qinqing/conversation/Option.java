package org.qinqing.conversation;

/**
 * One numbered option of a {@link Step.Kind#PICK} step: the value kept as the answer, the words shown
 * in the list, and the brief words later prompts use ({@code {<step>Label}}), e.g. "17:30" for an option
 * shown as "17:30（已约满，可以排队）". An option may be shown only to inform ("这一周已约满2次"):
 * picking it re-asks with its {@code unavailableHint} (a bot-scripts key). None may contain a tab or a
 * line break: the options shown are kept in the session.
 */
public record Option(String value, String label, String brief, String unavailableHint) {

	public Option {
		brief = brief == null ? label : brief;
		unavailableHint = unavailableHint == null ? "" : unavailableHint;
		if (oneLine(value) || oneLine(label) || oneLine(brief) || oneLine(unavailableHint)) {
			throw new IllegalArgumentException("An option is one line without tabs: " + value + " / " + label);
		}
	}

	public Option(String value, String label, String brief) {
		this(value, label, brief, "");
	}

	public Option(String value, String label) {
		this(value, label, label);
	}

	/** Shown in the list but not to be picked: picking it says {@code hintKey} and asks again. */
	public static Option unavailable(String value, String label, String hintKey) {
		return new Option(value, label, label, hintKey);
	}

	public boolean available() {
		return this.unavailableHint.isEmpty();
	}

	private static boolean oneLine(String text) {
		return text.contains("\t") || text.contains("\n");
	}

}
