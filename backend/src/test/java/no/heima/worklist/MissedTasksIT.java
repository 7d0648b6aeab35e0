package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * A task nobody did shows up once on the team's worklist as MISSING, however often the
 * scan runs; a window that closed before the patient was enrolled raises nothing.
 */
class MissedTasksIT extends IntegrationTest {

	@Autowired
	MissedTasks missedTasks;

	@Autowired
	DatabaseClient db;

	@Autowired
	CarePlanService carePlans;

	@Test
	void aMissedTaskIsRaisedOnce() {
		UUID pathway = forgottenPathway("Glemt måling");
		UUID patient = ensurePatient("sykepleier1", "17838740073", "Glemsk", "Pasient");
		String plan = enrol(patient, pathway, 2);
		// enrolled three days ago, so yesterday's window closed while the patient was on
		// the plan
		this.db.sql("update care_plan set created_at = now() - interval '3 days' where id = :id")
			.bind("id", UUID.fromString(plan))
			.then()
			.block();
		// enrolled just now with a start date two days back: yesterday's window was never
		// theirs
		String backDated = enrol(patient, pathway, 2);

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

	/**
	 * The scan in batches: one read of completions and of raised items per batch. A task
	 * done yesterday raises nothing, an item raised and resolved before is neither raised
	 * again nor reopened, and a new missed task in the same batch is raised: the read of
	 * raised items must never hide a new one.
	 */
	@Test
	void aBatchRaisesOnlyTheNewMissedTasks() {
		UUID pathway = forgottenPathway("Glemt måling i bolker");
		UUID patient = ensurePatient("sykepleier1", "17838740073", "Glemsk", "Pasient");
		String done = enrol(patient, pathway, 2);
		String raisedBefore = enrol(patient, pathway, 2);
		String fresh = enrol(patient, pathway, 2);
		String yesterday = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString();
		for (String plan : List.of(done, raisedBefore, fresh)) {
			this.db.sql("update care_plan set created_at = now() - interval '3 days' where id = :id")
				.bind("id", UUID.fromString(plan))
				.then()
				.block();
		}
		this.db
			.sql("insert into task_completion (care_plan_id, activity_id, due_date, completed_at, submission_id)"
					+ " values (:plan, 'temp', cast(:day as date), now() - interval '1 day', :submission)")
			.bind("plan", UUID.fromString(done))
			.bind("day", yesterday)
			.bind("submission", UUID.randomUUID())
			.then()
			.block();
		this.missedTasks.scan(plans(raisedBefore), 1).block();
		this.db
			.sql("update worklist_item set status = 'RESOLVED', resolved_at = now(), resolved_by = 'test'"
					+ " where kind = 'MISSING' and source_key = :key")
			.bind("key", raisedBefore + "/temp/" + yesterday)
			.then()
			.block();

		// the first batch holds an item raised before and a new one, the second the done
		// plan
		this.missedTasks.scan(plans(raisedBefore, fresh, done), 2).block();
		assertThat(items(fresh + "/temp/" + yesterday)).containsExactly("OPEN");
		// and again, all in one batch: nothing twice
		this.missedTasks.scan(plans(done, raisedBefore, fresh), 3).block();

		assertThat(items(done + "/temp/" + yesterday)).isEmpty();
		assertThat(items(raisedBefore + "/temp/" + yesterday)).containsExactly("RESOLVED");
		assertThat(items(fresh + "/temp/" + yesterday)).containsExactly("OPEN");
	}

	private List<String> items(String sourceKey) {
		return this.db.sql("select status from worklist_item where kind = 'MISSING' and source_key = :key")
			.bind("key", sourceKey)
			.map((row) -> row.get("status", String.class))
			.all()
			.collectList()
			.block();
	}

	/** These open plans, in this order. */
	private Flux<CarePlan> plans(String... ids) {
		Map<UUID, CarePlan> open = this.carePlans.openPlans().collectMap(CarePlan::id).block();
		return Flux.fromStream(java.util.Arrays.stream(ids).map((id) -> open.get(UUID.fromString(id))));
	}

	/**
	 * Temperature every day, 00:00-00:01: by day's end yesterday's window is long past.
	 */
	private UUID forgottenPathway(String name) {
		return publishedPathway(Map.of("name", name, "activities",
				List.of(Map.of("id", "temp", "type", "MEASUREMENT", "title", "Temperatur", "vital", "BODY_TEMPERATURE",
						"schedule", Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "00:01"),
						"collectOnly", true, "collectOnlyReason",
						Map.of("nb", "Bare til samtalen", "en", "Only for the talk")))));
	}

}
