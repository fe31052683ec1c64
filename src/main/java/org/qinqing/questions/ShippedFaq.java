package org.qinqing.questions;

/** The FAQ as shipped in {@code bot-scripts/faq/}, the same for every school; read and checked at start; the
 * default under each school's edits ({@link FaqEdits}). */
class ShippedFaq implements FaqSource {

	private final FaqContent content;

	ShippedFaq(QuestionsProperties properties) {
		this.content = FaqFiles.load(properties.faqFiles(), properties.synonymsFile());
	}

	@Override
	public FaqContent content(String tenant) {
		return this.content;
	}

	@Override
	public FaqContent shipped() {
		return this.content;
	}

}
