package org.qinqing.people.transfer;

import java.util.List;

/** A whole upload after cleaning: problems with the file itself, and every non-blank row. */
record ParsedImport(String fileName, List<Problem> fileProblems, List<ImportRow> rows) {

	ParsedImport {
		fileProblems = List.copyOf(fileProblems);
		rows = List.copyOf(rows);
	}

	boolean isClean() {
		return this.fileProblems.isEmpty() && this.rows.stream().allMatch(ImportRow::isGood);
	}

	List<ImportRow> goodRows() {
		return this.fileProblems.isEmpty() ? this.rows.stream().filter(ImportRow::isGood).toList() : List.of();
	}

	long badRowCount() {
		return this.rows.stream().filter(row -> !row.isGood()).count();
	}

}
