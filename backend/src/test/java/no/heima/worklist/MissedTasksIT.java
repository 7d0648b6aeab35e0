package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A task nobody did shows up once on the team's worklist as MISSING, however often the
 * scan runs; a window that closed before the patient was enrolled raises nothing.
 */
class MissedTasksIT extends IntegrationTest {

	@Autowired
	MissedTasks missedTasks;

	@Autowired
	DatabaseClient db;

	@Test
	void aMissedTaskIsRaisedOnce() {
		Map<?, ?> pathway = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition",
					Map.of("name", "Glemt måling", "activities", List.of(Map.of("id", "temp", "type", "MEASUREMENT",
							"title", "Temperatur", "vital", "BODY_TEMPERATURE", "schedule",
							Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "00:01"), "collectOnly", true,
							"collectOnlyReason", Map.of("nb", "Bare til samtalen", "en", "Only for the talk"))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("admin").post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		UUID patient = ensurePatient("sykepleier1", "17838740073", "Glemsk", "Pasient");
		String plan = enrol(patient, pathway);
		// enrolled three days ago, so yesterday's window closed while the patient was on
		// the plan
		this.db.sql("update care_plan set created_at = now() - interval '3 days' where id = :id")
			.bind("id", UUID.fromString(plan))
			.then()
			.block();
		// enrolled just now with a start date two days back: yesterday's window was never
		// theirs
		String backDated = enrol(patient, pathway);

		this.missedTasks.scan().block();
		this.missedTasks.scan().block();

		String yesterday = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString();
		as("sykepleier1").get()
			.uri("/api/patients/" + patient + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.sourceKey == '" + plan + "/temp/" + yesterday + "')].level")
			.isEqualTo(List.of("MISSING"));
		Map<?, ?> items = as("sykepleier1").get()
			.uri("/api/patients/" + patient + "/worklist")
			.exchange()
			.expectBody(Map[].class)
			.returnResult()
			.getResponseBody()[0];
		assertThat(items.get("kind")).isEqualTo("MISSING");
		// the day and the vital, structured, for each screen to word in its own language
		Map<?, ?> missed = java.util.Arrays
			.stream(as("sykepleier1").get()
				.uri("/api/patients/" + patient + "/worklist")
				.exchange()
				.expectBody(Map[].class)
				.returnResult()
				.getResponseBody())
			.filter((i) -> (plan + "/temp/" + yesterday).equals(i.get("sourceKey")))
			.findFirst()
			.orElseThrow();
		assertThat(((String) missed.get("reasons")).replace(" ", "")).contains("\"date\":\"" + yesterday + "\"")
			.contains("\"vital\":\"BODY_TEMPERATURE\"");
		as("sykepleier1").get()
			.uri("/api/patients/" + patient + "/worklist")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.sourceKey == '" + backDated + "/temp/" + yesterday + "')]")
			.isEmpty();
	}

	private String enrol(UUID patient, Map<?, ?> pathway) {
		return (String) as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(2).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
