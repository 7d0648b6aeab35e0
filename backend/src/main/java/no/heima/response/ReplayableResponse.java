package no.heima.response;

import org.springframework.modulith.NamedInterface;
import java.time.Instant;
import java.util.List;
import no.heima.questionnaire.Score;

/** A stored response as rule replays need it: its scores and the scored FHIR resource. */
@NamedInterface("replay")
public record ReplayableResponse(String activityId, Instant authored, List<Score> scores, String resourceJson) {

}
