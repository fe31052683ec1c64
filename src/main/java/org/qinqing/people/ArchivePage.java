package org.qinqing.people;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list of {@code total} items: which items it shows and the page links around it. Links are the
 * first and last page and the pages near this one, with a gap ({@code 0}) where pages are left out, so a
 * county's 700 pages make a short line of links on a phone.
 *
 * @param number this page, from 1 (a page past the end shows the last one)
 * @param links page numbers to link, {@code 0} for a gap
 */
record ArchivePage(int number, int pages, int total, int from, int to, List<Integer> links) {

	/** Pages linked on each side of this one. */
	private static final int NEAR = 2;

	static ArchivePage of(int requested, int size, int total) {
		int pages = Math.max(1, (total + size - 1) / size);
		int number = Math.min(Math.max(1, requested), pages);
		int from = (number - 1) * size;
		int to = Math.min(total, from + size);
		List<Integer> links = new ArrayList<>();
		for (int page = 1; page <= pages; page++) {
			if (page == 1 || page == pages || Math.abs(page - number) <= NEAR) {
				if (!links.isEmpty() && links.get(links.size() - 1) != page - 1) {
					links.add(0);
				}
				links.add(page);
			}
		}
		return new ArchivePage(number, pages, total, from, to, links);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return this.number < this.pages;
	}

}
