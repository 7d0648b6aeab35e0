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
 */
public record ScoreResult(String questionnaire, List<Score> scores, String response) {

	public ScoreResult {
		scores = List.copyOf(scores);
	}

	public Optional<Score> byLinkId(String linkId) {
		return scores.stream().filter(s -> s.linkId().equals(linkId)).findFirst();
	}

	public Optional<Score> byLoinc(String code) {
		return scores.stream().filter(s -> code.equals(s.loinc())).findFirst();
	}

}
