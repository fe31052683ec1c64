package org.qinqing.parenting;

/** A lesson file that does not follow the schema: the start stops, naming the file and the field. */
public final class LessonFileException extends IllegalStateException {

	private final String file;

	private final String field;

	LessonFileException(String file, String field, String problem) {
		super(file + ": field '" + field + "' " + problem);
		this.file = file;
		this.field = field;
	}

	public String file() {
		return this.file;
	}

	public String field() {
		return this.field;
	}

}
