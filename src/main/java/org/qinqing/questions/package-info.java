/**
 * Guardians' questions (issue 13), its foundation: the FAQ the school answers without a person
 * ({@code bot-scripts/faq/*.yaml}, checked at start) and its Chinese matcher, {@link org.qinqing.questions.FaqMatcher}:
 * Lucene's smartcn word segmentation and character bigrams, the synonyms of {@code bot-scripts/faq-synonyms.yaml},
 * BM25 over an in-memory index per FAQ content, and a confidence rule that says when the chat would answer. The
 * console's 常见问题 page (admins) and {@code GET /api/faq/match} let a school try questions and see the scores. Each
 * school edits its own FAQ over the files ({@link org.qinqing.questions.FaqEdits}: in Redis, every change a version
 * kept with who and when, revertible); the inbox's answers can be taken into it.
 */
package org.qinqing.questions;
