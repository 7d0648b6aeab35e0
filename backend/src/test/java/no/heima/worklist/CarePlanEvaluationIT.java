package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The DHO "evaluate" step: the evaluation day set at enrolment puts one EVALUATION item
 * on the team's worklist when it comes (not before); evaluating continues with a new day
 * and resolves the item, changes the patient's thresholds, or ends the plan.
 */
class CarePlanEvaluationIT extends IntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

	@Autowired
	MissedTasks scan;

	@Autowired
	DatabaseClient db;

	@Test
	void theEvaluationDayRaisesOneItemAndEvaluatingContinuesChangesOrEnds() {
		Map<?, ?> pathway = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Evalueres", "activities",
					List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
							"schedule", Map.of("kind", "DAILY", "windowStart", "06:00", "windowEnd", "22:00"),
							"thresholds", List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180)))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("admin").post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		UUID patient = ensurePatient("sykepleier1", "25857410087", "Eva", "Luering");

		// an evaluation day before the start is refused, and nothing is stored
		as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate", TODAY.toString(), "evaluationDate",
					TODAY.minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("evaluationDate");

		Map<?, ?> plan = as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate", TODAY.minusDays(13).toString(),
					"evaluationDate", TODAY.plusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) plan.get("id");
		assertThat(plan.get("evaluationDate")).isEqualTo(TODAY.plusDays(1).toString());

		// tomorrow's evaluation: nothing yet
		this.scan.scan().block();
		assertThat(evaluationItems(patient)).isEmpty();

		// the day comes (moved to today here): one item, however often the scan runs
		this.db.sql("update care_plan set evaluation_date = :day where id = :id")
			.bind("day", TODAY)
			.bind("id", UUID.fromString(id))
			.then()
			.block();
		this.scan.scan().block();
		this.scan.scan().block();
		List<Map<?, ?>> items = evaluationItems(patient);
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("sourceKey")).isEqualTo(id + "/evaluation/" + TODAY);
		assertThat(items.get(0).get("level")).isEqualTo("YELLOW");
		assertThat(items.get(0).get("status")).isEqualTo("OPEN");

		// continue: a new day after today, the item resolved with what was decided
		long version = version(id);
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version + "\"")
			.bodyValue(Map.of("outcome", "CONTINUE", "nextEvaluationDate", TODAY.toString()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version + "\"")
			.bodyValue(Map.of("outcome", "CONTINUE", "nextEvaluationDate", TODAY.plusDays(30).toString(), "note",
					"Stabil, fortsetter"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.evaluationDate")
			.isEqualTo(TODAY.plusDays(30).toString());
		Map<?, ?> resolved = evaluationItems(patient).get(0);
		assertThat(resolved.get("status")).isEqualTo("RESOLVED");
		assertThat((String) resolved.get("note")).contains("CONTINUE").contains("Stabil, fortsetter");
		// a nurse of another team cannot evaluate it
		as("sykepleier2").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version(id) + "\"")
			.bodyValue(Map.of("outcome", "CONTINUE"))
			.exchange()
			.expectStatus()
			.isNotFound();

		// change thresholds: the patient's own bound, and no next evaluation
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version(id) + "\"")
			.bodyValue(Map.of("outcome", "CHANGE_THRESHOLDS", "thresholds",
					List.of(Map.of("activityId", "bp", "threshold",
							Map.of("code", "8480-6", "yellowHigh", 150, "redHigh", 185)))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.personalThresholds[0].threshold.yellowHigh")
			.isEqualTo(150)
			.jsonPath("$.evaluationDate")
			.isEmpty();

		// end: a reason is needed, then the plan has ended
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version(id) + "\"")
			.bodyValue(Map.of("outcome", "END"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/evaluation")
			.header("If-Match", "\"" + version(id) + "\"")
			.bodyValue(Map.of("outcome", "END", "note", "Ferdig med oppfølgingen"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ENDED");
	}

	private long version(String carePlanId) {
		return ((Number) as("sykepleier1").get()
			.uri("/api/care-plans/" + carePlanId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("version")).longValue();
	}

	private List<Map<?, ?>> evaluationItems(UUID patient) {
		return Arrays
			.stream(as("sykepleier1").get()
				.uri("/api/patients/" + patient + "/worklist")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map[].class)
				.returnResult()
				.getResponseBody())
			.filter((item) -> "EVALUATION".equals(item.get("kind")))
			.<Map<?, ?>>map((item) -> item)
			.toList();
	}

}
