package org.qinqing.people.transfer;

import java.util.List;

/** One row of an uploaded sheet as text, with the line (CSV) or row number (Excel) people see. */
record SheetRow(int line, List<String> cells) {

	SheetRow {
		cells = List.copyOf(cells);
	}

	String cell(int index) {
		return index >= 0 && index < this.cells.size() ? this.cells.get(index) : "";
	}

	boolean isBlank() {
		return this.cells.stream().allMatch(c -> Normalize.text(c).isEmpty());
	}

}
