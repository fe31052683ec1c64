package org.qinqing.console;

import java.io.Serializable;

/**
 * A signed-in console user. {@code personId} links a teacher to their record in the directory, which
 * decides which children they may see. Serializable: it lives in the Redis-backed HTTP session.
 */
public record StaffUser(String username, String tenant, StaffRole role, String personId, String displayName)
		implements Serializable {

	public boolean isAdmin() {
		return this.role == StaffRole.ADMIN;
	}

}
