package org.qinqing.people;

/** A school of a tenant: an official account serves one school, or a county's schools. */
public record School(String id, String name) {
}
