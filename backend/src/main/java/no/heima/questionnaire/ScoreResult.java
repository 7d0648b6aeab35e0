package no.heima.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * The server's scoring of a response.
 *
 * @param questionnaire the canonical {@code url|version} scored against
 * @param scores every calculated item, in questionnaire order
 * @param response the response as FHIR JSON with the server's values in the calculated
 * items (whatever the client sent there is replaced): store this one
 * @param failures the calculations that failed on this response's data (which item, and
 * the FHIRPath error): their items have no value, and the response must not be taken as
 * assessed
 */
public record ScoreResult(String questionnaire, List<Score> scores, String response, List<String> failures) {

	public ScoreResult {
		scores = List.copyOf(scores);
		failures = (failures != null) ? List.copyOf(failures) : List.of();
	}

	public ScoreResult(String questionnaire, List<Score> scores, String response) {
		this(questionnaire, scores, response, List.of());
	}

	public Optional<Score> byLinkId(String linkId) {
		return scores.stream().filter(s -> s.linkId().equals(linkId)).findFirst();
	}

	public Optional<Score> byLoinc(String code) {
		return scores.stream().filter(s -> code.equals(s.loinc())).findFirst();
	}

}
