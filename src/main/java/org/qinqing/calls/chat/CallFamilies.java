package org.qinqing.calls.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qinqing.people.Access;
import org.qinqing.people.FamilyTie;
import org.springframework.stereotype.Component;

/**
 * What calls make of a WeChat user's family ({@link Access#familyOf}, the one rule of whom they act for): the
 * children they may book for under the school's settings, and the families whose bookings they see.
 */
@Component
class CallFamilies {

	private final Access access;

	CallFamilies(Access access) {
		this.access = access;
	}

	/** The children the user may book for: a parent always, a guardian when the school lets guardians book. */
	List<FamilyTie> bookable(String tenant, String openid, boolean guardiansMayBook) {
		return this.access.familyOf(tenant, openid).stream().filter(t -> t.asParent() || guardiansMayBook).toList();
	}

	/** The families of the user's children, in the children's order. */
	Set<String> families(String tenant, String openid) {
		Set<String> families = new LinkedHashSet<>();
		this.access.familyOf(tenant, openid).forEach(t -> families.add(t.child().familyId()));
		return families;
	}

}
