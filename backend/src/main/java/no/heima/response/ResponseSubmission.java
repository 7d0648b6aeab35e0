package no.heima.response;

import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A completed questionnaire for one task: the care plan, the activity, the task's day and
 * the FHIR QuestionnaireResponse (as JSON).
 */
public record ResponseSubmission(UUID carePlanId, String activityId, LocalDate date, JsonNode questionnaireResponse) {

}
