package no.heima.questionnaire;

/**
 * An answer the server left out of the stored response because its question was disabled
 * (SDC: a disabled item has no answer) or never shown ({@code
 * questionnaire-hidden}).
 *
 * @param linkId the question
 * @param text its text in the patient's language
 */
public record DroppedAnswer(String linkId, String text) {
}
