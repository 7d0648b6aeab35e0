package no.heima.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A combination rule (weight up 2 kg in 3 days AND more breathless, within 3 days → red)
 * decides the level of the submission that completes it, and the what-if replay gives the
 * same levels through the same code; a combination that names what the pathway does not
 * have is refused with the field of each problem.
 */
class CombinationRuleIT extends IntegrationTest {

	private static final String HEART_FAILURE = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	static Map<String, Object> definition(boolean withCombination) {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<String, Object> definition = new HashMap<>(
				Map.of("name", "Kombinasjon", "activities", List.of(
						Map.of("id", "symptoms", "type", "QUESTIONNAIRE", "title", "Symptomer", "questionnaireUrl",
								HEART_FAILURE, "questionnaireVersion", "1.0.0", "schedule", daily, "triggers",
								List.of(Map.of("linkId", "hf-more-breathless", "codes", List.of("true"), "level",
										"YELLOW"))),
						Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
								"schedule", daily, "trends",
								List.of(Map.of("code", "29463-7", "windowDays", 3, "rise", 2, "level", "YELLOW"))))));
		if (withCombination) {
			definition.put("combinations",
					List.of(Map.of("id", "fluid-and-breath", "withinDays", 3, "level", "RED", "conditions",
							List.of(Map.of("activityId", "weight", "code", "29463-7"),
									Map.of("activityId", "symptoms", "code", "hf-more-breathless")))));
		}
		return definition;
	}

	@Test
	void weightGainAndBreathlessnessTogetherAreRedAtSubmitAndInTheReplay() {
		awaitBuiltInQuestionnaires();
		UUID pathway = publishedPathway(definition(true));
		String plan = enrol(registeredKari(), pathway, 5);
		ZoneId oslo = ZoneId.of("Europe/Oslo");
		Instant now = Instant.now();
		assertThat(weight(plan, now.minus(Duration.ofDays(2)), "80.0")).isEqualTo("GREEN");
		assertThat(weight(plan, now.minus(Duration.ofHours(1)), "82.1")).isEqualTo("YELLOW");

		String body = "{\"carePlanId\": \"" + plan + "\", \"activityId\": \"symptoms\", \"date\": \""
				+ LocalDate.now(oslo) + "\", \"questionnaireResponse\": "
				+ ClinicianResponsesIT.heartFailure(true, "as-usual", 1) + "}";
		as("pasient1").post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.triage.level")
			.isEqualTo("RED")
			.jsonPath("$.triage.reasons[?(@.bound == 'combination')].code")
			.isEqualTo("fluid-and-breath")
			.jsonPath("$.triage.reasons[?(@.code == 'hf-more-breathless')].level")
			.isEqualTo("YELLOW");

		// the same rules replayed give the same levels; without the combination, one red
		// fewer and one yellow more
		as("admin").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", definition(true), "days", 7))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.current.red")
			.isEqualTo(1)
			.jsonPath("$.current.yellow")
			.isEqualTo(1)
			.jsonPath("$.changed.red")
			.isEqualTo(1)
			.jsonPath("$.changed.yellow")
			.isEqualTo(1);
		as("admin").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", definition(false), "days", 7))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.changed.red")
			.isEqualTo(0)
			.jsonPath("$.changed.yellow")
			.isEqualTo(2);
	}

	@Test
	void aCombinationOnWhatThePathwayDoesNotHaveIsRefusedFieldByField() {
		Map<String, Object> definition = new HashMap<>(definition(false));
		definition.put("combinations",
				List.of(Map.of("id", "bad id!", "withinDays", 0, "level", "ORANGE", "conditions",
						List.of(Map.of("activityId", "weight", "code", "8480-6"),
								Map.of("activityId", "no-such-activity"),
								Map.of("activityId", "symptoms", "atLeast", "PURPLE")))));
		as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation")
			.jsonPath("$.errors[?(@.field == 'combinations[0].id')].code")
			.isEqualTo("format")
			.jsonPath("$.errors[?(@.field == 'combinations[0].withinDays')].code")
			.isEqualTo("range")
			.jsonPath("$.errors[?(@.field == 'combinations[0].level')].code")
			.isEqualTo("format")
			.jsonPath("$.errors[?(@.field == 'combinations[0].conditions[0].code')].code")
			.isEqualTo("unknown")
			.jsonPath("$.errors[?(@.field == 'combinations[0].conditions[1].activityId')].code")
			.isEqualTo("unknown")
			.jsonPath("$.errors[?(@.field == 'combinations[0].conditions[2].atLeast')].code")
			.isEqualTo("format");
	}

	private String weight(String plan, Instant at, String kg) {
		Map<?, ?> result = as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"BODY_WEIGHT\",\"carePlanId\":\"" + plan + "\",\"activityId\":\"weight\","
					+ "\"measuredAt\":\"" + at + "\",\"values\":[{\"code\":\"29463-7\",\"value\":" + kg
					+ ",\"unit\":\"kg\"}]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) result.get("triage")).get("level");
	}

}
