package org.qinqing.binding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.qinqing.people.BindingCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The admin's view of guessing at binding codes: wrong codes today, and while the school's alarm lasts (a burst
 * of wrong codes from many WeChat users), since when binding has been slowed. Teachers do not see it.
 */
@Component
class BindingSafetyTile implements DashboardTile {

	private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

	private final BindingCodes codes;

	private final MessageSource messages;

	private final Clock clock;

	BindingSafetyTile(BindingCodes codes, MessageSource messages, Clock clock) {
		this.codes = codes;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	public Tile view(StaffUser user) {
		if (!user.isAdmin()) {
			return null;
		}
		LocalDate today = LocalDate.now(this.clock);
		long failures = this.codes.failuresOn(user.tenant(), today);
		Optional<BindingCodes.Alarm> alarm = this.codes.alarm(user.tenant());
		String detail = alarm
			.map(a -> message("tile.bindingSafety.alarm", ZonedDateTime.ofInstant(a.since(), this.clock.getZone()).format(HHMM),
					a.failures()))
			.orElseGet(() -> message("tile.bindingSafety.calm"));
		return new Tile(alarm.isPresent() ? "tile.bindingSafety.alarmTitle" : "tile.bindingSafety", String.valueOf(failures),
				detail, "/console/binding", null);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
