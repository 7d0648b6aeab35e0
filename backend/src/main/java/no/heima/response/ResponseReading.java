package no.heima.response;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.triage.Assessment;
import no.heima.triage.Level;
import no.heima.triage.Reason;

/**
 * What a clinician reads about questionnaire responses: a list, and one response with its
 * answers in the viewer's language, its scores with their level and reasons, and what
 * changed since the previous response to the same questionnaire.
 */
public final class ResponseReading {

	private ResponseReading() {
	}

	/**
	 * One line of a patient's responses, with its scores (for the score charts beside the
	 * vital charts).
	 */
	public record Summary(UUID id, UUID carePlanId, String activityId, LocalDate date, String questionnaire,
			String title, Instant authored, Level level, boolean assessed, List<Reason> reasons,
			List<ScorePoint> scores) {

		public Summary {
			scores = (scores != null) ? List.copyOf(scores) : List.of();
		}

	}

	/**
	 * A score's value in one response, with the score's name in the viewer's language.
	 */
	public record ScorePoint(String linkId, String label, BigDecimal value) {
	}

	/**
	 * @param previous the response this one is compared with; null for the first
	 * @param rules the texts, in the viewer's language, of the pathway's combination
	 * rules that fired (a combination reason's code is the rule's id)
	 */
	public record Detail(UUID id, UUID carePlanId, String activityId, LocalDate date, String questionnaire,
			String title, String language, Instant authored, Instant receivedAt, Assessment triage,
			List<ScoreLine> scores, List<AnswerLine> answers, Previous previous, Map<String, String> rules) {

		public Detail {
			rules = (rules != null) ? Map.copyOf(rules) : Map.of();
		}

		/** The same response with the texts of the rules that fired. */
		Detail withRules(Map<String, String> texts) {
			return new Detail(this.id, this.carePlanId, this.activityId, this.date, this.questionnaire, this.title,
					this.language, this.authored, this.receivedAt, this.triage, this.scores, this.answers,
					this.previous, texts);
		}

	}

	/**
	 * A calculated score with the level its bounds gave (null when no bound applies) and
	 * the value it had in the previous response.
	 */
	public record ScoreLine(String linkId, String label, BigDecimal value, String valueText, Level level,
			List<Reason> reasons, String previousValueText, boolean changed) {
	}

	/**
	 * One answered question; {@code previous} is what the previous response answered
	 * (empty when it did not answer it), {@code changed} whether the answer differs.
	 */
	public record AnswerLine(String linkId, String question, List<String> answer, List<String> previous,
			boolean changed, Level level, List<AttachmentLink> attachments) {

		public AnswerLine {
			attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		}

		public AnswerLine(String linkId, String question, List<String> answer, List<String> previous, boolean changed,
				Level level) {
			this(linkId, question, answer, previous, changed, level, List.of());
		}

	}

	/**
	 * A file the patient attached: {@code url} reads it through the response (team
	 * checked, audited); type and size as the server found them on upload.
	 */
	public record AttachmentLink(String url, String contentType, Long size, String title) {
	}

	public record Previous(UUID id, Instant authored, LocalDate date) {
	}

}
