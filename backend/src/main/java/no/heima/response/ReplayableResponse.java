package no.heima.response;

import java.time.Instant;
import java.util.List;
import no.heima.questionnaire.Score;

/** A stored response as rule replays need it: its scores and the scored FHIR resource. */
public record ReplayableResponse(String activityId, Instant authored, List<Score> scores, String resourceJson) {

}
