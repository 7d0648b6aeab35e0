package no.heima.questionnaire;

import no.heima.problem.ProblemType;

/**
 * One answer that breaks its questionnaire.
 *
 * @param linkId the question
 * @param text the question's text in the patient's language (what they saw)
 * @param type the constraint broken
 * @param limit the limit as the questionnaire states it (e.g. {@code 100},
 * {@code 2020-01-01}, {@code 50 cm}), null when there is none
 * @param message a sentence in the patient's language
 */
public record AnswerProblem(String linkId, String text, ProblemType type, String limit, String message) {

	/** The problem type's URI, as the problem body shows it. */
	public String typeUri() {
		return type.uri();
	}

}
