package no.heima.questionnaire;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an attachment question accepts.
 *
 * @param linkId the question
 * @param text its text in the requested language
 * @param mimeTypes the {@code mimeType}s allowed; empty when the questionnaire names none
 * @param maxSize {@code maxSize} in bytes, null when the questionnaire sets none
 */
public record AttachmentRules(String linkId, String text, List<String> mimeTypes, BigDecimal maxSize) {

	public AttachmentRules {
		mimeTypes = List.copyOf(mimeTypes);
	}

}
