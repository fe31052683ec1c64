package org.qinqing.questions;

import org.springframework.stereotype.Component;

/** The FAQ as shipped in {@code bot-scripts/faq/}, the same for every school; read and checked at start. */
@Component
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
