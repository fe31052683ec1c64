package org.qinqing.people;

/** A child a WeChat user may act for, and the bound person (parent or guardian) they act as. */
public record FamilyTie(Child child, Person adult) {

	public boolean asParent() {
		return this.adult.role() == Role.PARENT;
	}

}
