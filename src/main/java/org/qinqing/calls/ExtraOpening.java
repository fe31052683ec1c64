package org.qinqing.calls;

import java.time.LocalDate;
import java.time.LocalTime;

/** {@code station} is open on {@code date} from {@code start} to {@code end}, besides its weekly hours. */
public record ExtraOpening(LocalDate date, LocalTime start, LocalTime end, String station) {

	public ExtraOpening {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("an extra opening must start before it ends: " + start + "-" + end);
		}
	}

}
