package no.heima.response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.LocalizedText;
import no.heima.questionnaire.DroppedAnswer;
import no.heima.questionnaire.Score;
import no.heima.triage.Assessment;

/**
 * A stored response as the patient app sees it after submitting.
 *
 * @param dropped answers the server left out because their question was disabled or
 * hidden when the form was submitted (the patient could not see them)
 */
public record SubmittedResponse(UUID id, UUID carePlanId, String activityId, LocalDate date, String questionnaire,
		Instant authored, Instant receivedAt, List<Score> scores, Assessment triage, LocalizedText advice,
		List<DroppedAnswer> dropped) {

	public SubmittedResponse {
		// rows stored before answers were dropped have none
		dropped = dropped == null ? List.of() : List.copyOf(dropped);
	}

	public SubmittedResponse(UUID id, UUID carePlanId, String activityId, LocalDate date, String questionnaire,
			Instant authored, Instant receivedAt, List<Score> scores, Assessment triage, LocalizedText advice) {
		this(id, carePlanId, activityId, date, questionnaire, authored, receivedAt, scores, triage, advice, List.of());
	}

}
