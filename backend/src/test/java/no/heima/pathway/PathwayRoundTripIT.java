package no.heima.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A stored pathway with every kind of rule (bounds on a measurement and on a score,
 * weight trends, answer triggers by code and by number) comes back from the API exactly
 * as it was stored, and saving what was read without edits (what the editor does when
 * nothing is changed) leaves the definition unchanged, through publishing too.
 */
class PathwayRoundTripIT extends IntegrationTest {

	static final String HEART_FAILURE = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	static Map<String, Object> everyRule() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "06:00", "windowEnd", "22:00");
		return Map.of("name", "Hjertesvikt rundtur", "description",
				Map.of("nb", "Daglig oppfølging", "en", "Daily follow-up"), "activities",
				List.of(Map.of("id", "symptoms", "type", "QUESTIONNAIRE", "title", "Symptomer", "questionnaireUrl",
						HEART_FAILURE, "questionnaireVersion", "1.0.0", "schedule",
						Map.of("kind", "RELATIVE_DAYS", "windowStart", "07:00", "windowEnd", "11:00", "days",
								List.of(1, 7, 14)),
						"thresholds", List.of(Map.of("code", "total", "yellowHigh", 5, "redHigh", 9)), "triggers",
						List.of(Map.of("linkId", "hf-more-breathless", "codes", List.of("true"), "level", "YELLOW"),
								Map.of("linkId", "hf-breathless-rest", "codes", List.of("true"), "level", "RED"),
								Map.of("linkId", "hf-pillows", "atLeast", 3, "level", "YELLOW"))),
						Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
								"schedule", daily, "trends",
								List.of(Map.of("code", "29463-7", "windowDays", 3, "rise", 2, "level", "YELLOW"),
										Map.of("code", "29463-7", "windowDays", 7, "fall", 3.5, "level", "RED"))),
						Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
								"schedule",
								Map.of("kind", "WEEKDAYS", "windowStart", "07:00", "windowEnd", "11:00", "weekdays",
										List.of("MONDAY", "THURSDAY")),
								"thresholds",
								List.of(Map.of("code", "8480-6", "redLow", 90, "yellowLow", 100, "yellowHigh", 140,
										"redHigh", 180), Map.of("code", "8867-4", "redLow", 40, "redHigh", 120)))),
				"advice", Map.of("green", Map.of("nb", "Fortsett som før.", "en", "Carry on."), "yellow",
						Map.of("nb", "Mål igjen."), "red", Map.of("nb", "Ring avdelingen.", "en", "Call the ward.")));
	}

	@Test
	void savingAStoredDefinitionWithoutEditsLeavesItUnchanged() {
		awaitBuiltInQuestionnaires();
		String id = (String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", everyRule()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		Map<?, ?> stored = draft(id);

		// every rule is stored as sent
		List<?> activities = (List<?>) stored.get("activities");
		Map<?, ?> symptoms = (Map<?, ?>) activities.get(0);
		Map<?, ?> weight = (Map<?, ?>) activities.get(1);
		assertThat((List<?>) symptoms.get("triggers")).hasSize(3);
		assertThat((List<?>) weight.get("trends")).hasSize(2);
		Map<?, ?> gain = (Map<?, ?>) ((List<?>) weight.get("trends")).get(0);
		assertThat(gain.get("windowDays")).isEqualTo(3);
		assertThat(gain.get("level")).isEqualTo("YELLOW");
		assertThat(((Number) gain.get("rise")).doubleValue()).isEqualTo(2.0);
		assertThat(((Map<?, ?>) ((List<?>) symptoms.get("triggers")).get(0)).get("codes")).isEqualTo(List.of("true"));

		as("admin").put().uri("/api/pathways/" + id + "/draft").bodyValue(stored).exchange().expectStatus().isOk();
		assertThat(draft(id)).isEqualTo(stored);

		// published, then read as the start of the next edit and saved again: still the
		// same
		as("admin").post().uri("/api/pathways/" + id + "/publish").exchange().expectStatus().isOk();
		Map<?, ?> published = draft(id);
		assertThat(published).isEqualTo(stored);
		as("admin").put().uri("/api/pathways/" + id + "/draft").bodyValue(published).exchange().expectStatus().isOk();
		assertThat(draft(id)).isEqualTo(stored);
	}

	private Map<?, ?> draft(String id) {
		return as("admin").get()
			.uri("/api/pathways/" + id + "/draft")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
