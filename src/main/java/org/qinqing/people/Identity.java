package org.qinqing.people;

/**
 * A WeChat user as the school knows them. {@code personId} is empty for visitors.
 * Carries a display name only: never phone numbers or addresses.
 */
public record Identity(Role role, String personId, String displayName) {

	public static Identity visitor() {
		return new Identity(Role.VISITOR, "", "");
	}

	public boolean isBound() {
		return this.role != Role.VISITOR;
	}

}
