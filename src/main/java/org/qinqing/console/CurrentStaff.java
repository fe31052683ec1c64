package org.qinqing.console;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff user of the current request. */
public final class CurrentStaff {

	private CurrentStaff() {
	}

	public static StaffUser require() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
			return principal.user();
		}
		throw new AccessDeniedException("not signed in");
	}

}
