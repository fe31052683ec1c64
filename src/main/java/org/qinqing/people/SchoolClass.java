package org.qinqing.people;

/** A class of the school, e.g. grade 3 class 1 (三年级(1)班), with its head teacher (班主任). */
public record SchoolClass(String id, String schoolId, int grade, int number, String name, String headTeacherId) {
}
