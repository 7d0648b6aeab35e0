package no.heima.whatif;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Replaying a changed rule set over stored submissions, next to today's rules. */
class WhatIfIT extends IntegrationTest {

	@Test
	void tighterBoundsWouldHaveRaisedMoreAndUnchangedRulesReplayTheSame() {
		Map<String, Object> today = definition(140, 180);
		UUID pathway = publishedPathway(today);
		String plan = enrol(registeredKari(), pathway, 5);
		for (int systolic : new int[] { 130, 150, 185 }) {
			as("pasient1").post()
				.uri("/api/me/measurements")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + plan + "\",\"activityId\":\"bp\","
						+ "\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"8480-6\",\"value\":"
						+ systolic + ",\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":80,\"unit\":\"mm[Hg]\"}]}")
				.exchange()
				.expectStatus()
				.isCreated();
		}

		// 130 green, 150 yellow, 185 red today; with yellow from 125 and red from 150: 1
		// yellow, 2 red
		as("admin").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", definition(125, 150), "days", 30))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.carePlans")
			.isEqualTo(1)
			.jsonPath("$.current.yellow")
			.isEqualTo(1)
			.jsonPath("$.current.red")
			.isEqualTo(1)
			.jsonPath("$.changed.yellow")
			.isEqualTo(1)
			.jsonPath("$.changed.red")
			.isEqualTo(2)
			// the two submissions judged differently, newest first, with who, what and
			// both levels; 185 is red either way
			.jsonPath("$.alertsTotal")
			.isEqualTo(2)
			.jsonPath("$.alerts[0].patientName")
			.isEqualTo("Kari Nordvik")
			.jsonPath("$.alerts[0].activityId")
			.isEqualTo("bp")
			.jsonPath("$.alerts[0].value")
			.isEqualTo("150 / 80 mm[Hg]")
			.jsonPath("$.alerts[0].current")
			.isEqualTo("YELLOW")
			.jsonPath("$.alerts[0].changed")
			.isEqualTo("RED")
			.jsonPath("$.alerts[1].value")
			.isEqualTo("130 / 80 mm[Hg]")
			.jsonPath("$.alerts[1].current")
			.isEqualTo("GREEN")
			.jsonPath("$.alerts[1].changed")
			.isEqualTo("YELLOW")
			.jsonPath("$.alerts[1].at")
			.exists();
		as("sykepleier1").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", today))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.changed.yellow")
			.isEqualTo(1)
			.jsonPath("$.changed.red")
			.isEqualTo(1)
			.jsonPath("$.alertsTotal")
			.isEqualTo(0)
			.jsonPath("$.alerts")
			.isEmpty();
		as("sykepleier2").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", today))
			.exchange()
			.expectStatus()
			.isNotFound();
		as("pasient1").post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.bodyValue(Map.of("definition", today))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static Map<String, Object> definition(int yellowHigh, int redHigh) {
		return Map.of("name", "Hva om", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59"), "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", yellowHigh, "redHigh", redHigh)))));
	}

}
