package org.qinqing.people;

/** A pupil. {@code pairedTeacherId} is the teacher of the one-to-one pairing (帮扶教师), if any. */
public record Child(String id, String name, String classId, LeftBehindType leftBehind, String familyId,
		String pairedTeacherId) {
}
