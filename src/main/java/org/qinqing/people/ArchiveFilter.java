package org.qinqing.people;

import java.util.Locale;

/**
 * The archive list's filters, shared by the list and its exports: a class, which children (the left-behind,
 * the default; all; or one left-behind type, {@code NONE} for those who are not) and only incomplete cards.
 *
 * @param classId a class id, or null for every visible class
 * @param type {@link #LEFT_BEHIND}, {@link #ALL} or a {@link LeftBehindType} name
 */
public record ArchiveFilter(String classId, String type, boolean incomplete) {

	/** Every left-behind child, whatever the type: the children an archive (建档) is for. */
	public static final String LEFT_BEHIND = "LEFT_BEHIND";

	public static final String ALL = "ALL";

	/** Every child the user may see: a bare export asks for this. */
	public static final ArchiveFilter EVERYONE = new ArchiveFilter(null, ALL, false);

	public ArchiveFilter {
		classId = classId == null || classId.isBlank() ? null : classId.strip();
		type = type == null || type.isBlank() ? LEFT_BEHIND : type.strip().toUpperCase(Locale.ROOT);
		if (!type.equals(LEFT_BEHIND) && !type.equals(ALL)) {
			try {
				LeftBehindType.valueOf(type);
			}
			catch (IllegalArgumentException ex) {
				type = LEFT_BEHIND;
			}
		}
	}

	/** Whether a child passes the class and type filters (the card's completeness is checked apart). */
	public boolean admits(Child child) {
		return (this.classId == null || this.classId.equals(child.classId())) && admitsType(child.leftBehind());
	}

	private boolean admitsType(LeftBehindType leftBehind) {
		return switch (this.type) {
			case LEFT_BEHIND -> leftBehind.isLeftBehind();
			case ALL -> true;
			default -> leftBehind.name().equals(this.type);
		};
	}

}
