package org.qinqing.questions;

/**
 * Where a tenant's FAQ comes from. Every school starts from the shipped FAQ ({@code ShippedFaq}); {@link FaqEdits}
 * overlays the school's own edits (in Redis, with history) and hands out a new {@link FaqContent} per edit: the
 * matcher then builds that content's index once.
 */
public interface FaqSource {

	FaqContent content(String tenant);

	/** The FAQ every school starts from (the files in {@code bot-scripts/faq/}); its index is built at start. */
	FaqContent shipped();

}
