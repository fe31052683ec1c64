package org.qinqing.questions;

/**
 * Where a tenant's FAQ comes from. Today every school has the shipped FAQ ({@code ShippedFaq}); a store of each
 * school's own edits (in Redis, with history) can take its place and hand out a new {@link FaqContent} per edit:
 * the matcher then builds that content's index once.
 */
public interface FaqSource {

	FaqContent content(String tenant);

	/** The FAQ every school starts from (the files in {@code bot-scripts/faq/}); its index is built at start. */
	FaqContent shipped();

}
