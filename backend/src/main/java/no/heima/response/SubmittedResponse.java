package no.heima.response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.LocalizedText;
import no.heima.questionnaire.Score;
import no.heima.triage.Assessment;

/** A stored response as the patient app sees it after submitting. */
public record SubmittedResponse(UUID id, UUID carePlanId, String activityId, LocalDate date, String questionnaire,
		Instant authored, Instant receivedAt, List<Score> scores, Assessment triage, LocalizedText advice) {

}
