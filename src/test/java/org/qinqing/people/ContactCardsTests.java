package org.qinqing.people;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinqing.support.PortalTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Contact cards keep their history, and the archive rate follows the cards. */
class ContactCardsTests extends PortalTestSupport {

	@Autowired
	private ContactCards cards;

	@Autowired
	private SchoolRecords records;

	private List<Child> leftBehind() {
		return this.records.ids(TENANT, "child")
			.stream()
			.map(id -> this.records.child(TENANT, id).orElseThrow())
			.filter(c -> c.leftBehind().isLeftBehind())
			.toList();
	}

	@Test
	void everyChangeIsKeptWithWhoAndWhen() {
		Child child = leftBehind().get(0);
		String oldPhone = this.cards.card(TENANT, child.id()).get(CardField.GUARDIAN_PHONE);
		int before = this.cards.history(TENANT, child.id()).size();
		List<ContactCards.Change> changes = this.cards.update(TENANT, child.id(),
				Map.of(CardField.GUARDIAN_PHONE, "19900009999", CardField.GUARDIAN_NAME,
						this.cards.card(TENANT, child.id()).get(CardField.GUARDIAN_NAME)),
				"班主任王老师");
		assertThat(changes).singleElement().satisfies(change -> {
			assertThat(change.field()).isEqualTo("guardian.phone");
			assertThat(change.before()).isEqualTo(oldPhone);
			assertThat(change.after()).isEqualTo("19900009999");
			assertThat(change.by()).isEqualTo("班主任王老师");
		});
		assertThat(this.cards.history(TENANT, child.id())).hasSize(before + 1);
		assertThat(this.cards.card(TENANT, child.id())).containsEntry(CardField.GUARDIAN_PHONE, "19900009999");
	}

	@Test
	void archiveRateCountsLeftBehindChildrenWithCompleteCards() {
		List<Child> children = leftBehind();
		ContactCards.ArchiveRate school = this.cards.archiveRate(TENANT, null);
		assertThat(school.leftBehind()).isEqualTo(children.size());
		long complete = children.stream().filter(c -> this.cards.missing(TENANT, c).isEmpty()).count();
		assertThat(school.complete()).isEqualTo((int) complete);
		assertThat(school.complete()).isLessThan(school.leftBehind());

		Child incomplete = children.stream().filter(c -> !this.cards.missing(TENANT, c).isEmpty()).findFirst().orElseThrow();
		ContactCards.ArchiveRate classBefore = this.cards.archiveRate(TENANT, incomplete.classId());
		Map<CardField, String> filled = new java.util.EnumMap<>(CardField.class);
		this.cards.missing(TENANT, incomplete).forEach(field -> filled.put(field, "已补充"));
		this.cards.update(TENANT, incomplete.id(), filled, "德育处");
		assertThat(this.cards.archiveRate(TENANT, incomplete.classId()).complete()).isEqualTo(classBefore.complete() + 1);
		assertThat(this.cards.archiveRate(TENANT, null).complete()).isEqualTo(school.complete() + 1);
	}

	@Test
	void requiredFieldsFollowWhoIsAway() {
		assertThat(CardField.requiredFor(LeftBehindType.FATHER_AWAY)).contains(CardField.FATHER_WORK_UNIT_PHONE)
			.doesNotContain(CardField.MOTHER_WORK_UNIT_PHONE);
		assertThat(CardField.requiredFor(LeftBehindType.BOTH_AWAY)).contains(CardField.FATHER_WORK_CITY,
				CardField.MOTHER_WORK_CITY, CardField.GUARDIAN_HEALTH, CardField.GUARDIAN_AGE);
	}

}
