package no.heima.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * An activity no rule watches cannot be published by accident: the administrator must
 * choose "collect only" and say why. Its values are then stored as collected, not
 * monitored: no worklist item, and the patient is told so.
 */
class CollectOnlyIT extends IntegrationTest {

	private static final Map<String, Object> DAILY = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd",
			"23:59");

	@Test
	void publishingAnUnwatchedActivityIsRefusedNamingIt() {
		String pathway = create(Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
				"schedule", DAILY));

		as("admin").post()
			.uri("/api/pathways/" + pathway + "/publish")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:unwatched-activity")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("weight"))
			.jsonPath("$.errors[0].field")
			.isEqualTo("activities[0].collectOnly")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unwatched");

		String withoutReason = create(Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital",
				"BODY_WEIGHT", "schedule", DAILY, "collectOnly", true, "collectOnlyReason", Map.of("nb", " ")));
		as("admin").post()
			.uri("/api/pathways/" + withoutReason + "/publish")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("activities[0].collectOnlyReason");
	}

	@Test
	void collectOnlyWithAReasonPublishesAndTheValueIsCollectedNotMonitored() {
		String pathway = create(Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
				"schedule", DAILY, "collectOnly", true, "collectOnlyReason",
				Map.of("nb", "Vekten tas opp ved kontroll", "en", "Weight is discussed at the check-up")));
		as("admin").post()
			.uri("/api/pathways/" + pathway + "/publish")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.definition.activities[0].collectOnly")
			.isEqualTo(true)
			.jsonPath("$.definition.activities[0].collectOnlyReason.en")
			.isEqualTo("Weight is discussed at the check-up");
		UUID kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		String plan = (String) as("sykepleier1").post()
			.uri("/api/patients/" + kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		Map<?, ?> stored = as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"BODY_WEIGHT\",\"carePlanId\":\"" + plan + "\",\"activityId\":\"weight\","
					+ "\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"29463-7\",\"value\":140,"
					+ "\"unit\":\"kg\"}]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		Map<?, ?> triage = (Map<?, ?>) stored.get("triage");
		assertThat(triage.get("collectOnly")).isEqualTo(true);
		assertThat(triage.get("assessed")).isEqualTo(false);
		assertThat(triage.get("couldNotAssess")).isNull();
		List<Map<String, Object>> items = as("sykepleier1").get()
			.uri("/api/patients/" + kari + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(items).noneMatch((item) -> stored.get("id").equals(item.get("sourceKey")));
	}

	private String create(Map<String, Object> activity) {
		return (String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Bare registrering", "activities", List.of(activity))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
