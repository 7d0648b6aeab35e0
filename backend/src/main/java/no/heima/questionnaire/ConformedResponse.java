package no.heima.questionnaire;

import java.util.List;

/**
 * A response that fits its questionnaire, as the server will keep it: answers to disabled
 * items dropped, calculated items computed, every constraint checked.
 *
 * @param scored the stored form and its scores
 * @param dropped answers left out, for the patient's receipt
 */
public record ConformedResponse(ScoreResult scored, List<DroppedAnswer> dropped) {

	public ConformedResponse {
		dropped = List.copyOf(dropped);
	}

}
