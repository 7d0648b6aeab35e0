package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Fault injection: each way an accepted submission can fail to be triaged puts a "could
 * not assess" item (kind UNASSESSED, at least yellow, with the reason) on the team's
 * worklist in the submission's own transaction, and counts it. None ends in silence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouldNotAssessIT extends IntegrationTest {

	private static final String QUESTIONNAIRE = "https://heima.example/fhir/Questionnaire/test-scoring-fails";

	@Autowired
	DatabaseClient db;

	@Autowired
	no.heima.pathway.PathwayService pathways;

	@Autowired
	MeterRegistry meters;

	private UUID pathwayId;

	private String carePlanId;

	private UUID patientId;

	@BeforeAll
	void enrol() throws IOException {
		awaitBuiltInQuestionnaires();
		String questionnaire;
		try (InputStream in = getClass().getResourceAsStream("/fhir/questionnaire-scoring-fails.json")) {
			questionnaire = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int imported = as("admin").post()
			.uri("/api/questionnaires")
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.bodyValue(questionnaire)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
		assertThat(imported).as("imported now or by an earlier run on this database").isIn(201, 409);
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<String, Object> definition = Map.of("name", "Feilsikker triage", "activities", List.of(
				Map.of("id", "score", "type", "QUESTIONNAIRE", "title", "Skår", "questionnaireUrl", QUESTIONNAIRE,
						"questionnaireVersion", "1.0.0", "schedule", daily, "thresholds",
						List.of(Map.of("code", "total", "yellowHigh", 5, "redHigh", 8))),
				Map.of("id", "temp", "type", "MEASUREMENT", "title", "Temperatur", "vital", "BODY_TEMPERATURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8310-5", "yellowHigh", 38, "redHigh", 39.5))),
				Map.of("id", "pulse", "type", "MEASUREMENT", "title", "Puls", "vital", "HEART_RATE", "schedule", daily,
						"trends", List.of(Map.of("code", "8867-4", "windowDays", 3, "rise", 20, "level", "YELLOW"))),
				Map.of("id", "spo2", "type", "MEASUREMENT", "title", "Metning", "vital", "OXYGEN_SATURATION",
						"schedule", daily, "trends",
						List.of(Map.of("code", "59408-5", "windowDays", 3, "fall", 4, "level", "RED")))));
		this.pathwayId = publishedPathway(definition);
		this.patientId = registeredKari();
		this.carePlanId = enrol(this.patientId, this.pathwayId, 2);
	}

	@Test
	void aScoringExpressionThatFailsOnTheAnswersIsCouldNotAssess() {
		double before = count("SCORING");
		String response = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":"
				+ "[{\"linkId\":\"a\",\"answer\":[{\"valueInteger\":9}]}]}";
		Map<?, ?> stored = as("pasient1").post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"carePlanId\":\"" + this.carePlanId + "\",\"activityId\":\"score\",\"date\":\""
					+ LocalDate.now(ZoneId.of("Europe/Oslo")) + "\",\"questionnaireResponse\":" + response + "}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertTriageCouldNotAssess(stored, "SCORING");
		assertItem((String) stored.get("id"), "SCORING", "total");
		assertThat(count("SCORING")).isGreaterThan(before);
	}

	@Test
	void theSameQuestionnaireScoresNormallyOnOtherAnswers() {
		String response = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":"
				+ "[{\"linkId\":\"a\",\"answer\":[{\"valueInteger\":6}]}]}";
		as("pasient1").post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"carePlanId\":\"" + this.carePlanId + "\",\"activityId\":\"score\",\"date\":\""
					+ LocalDate.now(ZoneId.of("Europe/Oslo")) + "\",\"questionnaireResponse\":" + response + "}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.triage.level")
			.isEqualTo("YELLOW")
			.jsonPath("$.triage.assessed")
			.isEqualTo(true)
			.jsonPath("$.triage.couldNotAssess")
			.doesNotExist();
	}

	@Test
	void aUnitThatCannotBeConvertedIsCouldNotAssess() {
		double before = count("UNIT");
		Map<?, ?> stored = measure("temp", "BODY_TEMPERATURE", "8310-5", "101.3", "[degF]");

		assertTriageCouldNotAssess(stored, "UNIT");
		assertItem((String) stored.get("id"), "UNIT", "[degF]");
		assertThat(count("UNIT")).isGreaterThan(before);
	}

	@Test
	void aStoredRuleThatCannotBeReadIsCouldNotAssess() {
		corrupt("'{activities,2,trends,0,level}'", "'\"PURPLE\"'");
		double before = count("RULE");

		Map<?, ?> stored = measure("pulse", "HEART_RATE", "8867-4", "72", "/min");

		assertTriageCouldNotAssess(stored, "RULE");
		assertItem((String) stored.get("id"), "RULE", "PURPLE");
		assertThat(count("RULE")).isGreaterThan(before);
	}

	@Test
	void anExceptionInATriageStepIsCouldNotAssess() {
		// a personal bound stored without its bounds (as a bad import or manual fix might
		// leave it): the threshold step throws on it
		this.db
			.sql("update care_plan set personal_thresholds = '[{\"activityId\":\"spo2\",\"threshold\":null}]'"
					+ " where id = :id")
			.bind("id", UUID.fromString(this.carePlanId))
			.fetch()
			.rowsUpdated()
			.block();
		double before = count("ERROR");

		Map<?, ?> stored = measure("spo2", "OXYGEN_SATURATION", "59408-5", "97", "%");

		assertTriageCouldNotAssess(stored, "ERROR");
		assertItem((String) stored.get("id"), "ERROR", "Triage failed");
		assertThat(count("ERROR")).isGreaterThan(before);
	}

	/**
	 * Alters the stored, published version behind the application's back, as a bad
	 * migration or a manual fix would: its immutability trigger is bypassed for this one
	 * statement (replica mode, as the database owner, a superuser in the tests).
	 */
	private void corrupt(String path, String value) {
		// as the owner: the application's own role may not bypass triggers
		no.heima.testsupport.TestDatabase.Server owner = no.heima.testsupport.TestDatabase.get();
		try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:" + owner.url(), owner.username(),
				owner.password()); java.sql.Statement s = c.createStatement()) {
			s.execute("set session_replication_role = replica; update pathway_version set definition = jsonb_set("
					+ "definition, " + path + ", " + value + ") where pathway_id = '" + this.pathwayId
					+ "'; set session_replication_role = origin");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		// published versions are cached (they never change); a definition that cannot be
		// read
		// meets a JVM that has not read it yet, as after a restart
		((java.util.Map<?, ?>) org.springframework.test.util.ReflectionTestUtils.getField(this.pathways,
				"publishedVersions"))
			.clear();
	}

	private Map<?, ?> measure(String activity, String vital, String code, String value, String unit) {
		return as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"" + vital + "\",\"carePlanId\":\"" + this.carePlanId + "\",\"activityId\":\""
					+ activity + "\",\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"" + code
					+ "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static void assertTriageCouldNotAssess(Map<?, ?> stored, String cause) {
		Map<?, ?> triage = (Map<?, ?>) stored.get("triage");
		assertThat(triage.get("level")).isIn("YELLOW", "RED");
		assertThat(triage.get("assessed")).isEqualTo(false);
		assertThat(((Map<?, ?>) triage.get("couldNotAssess")).get("cause")).isEqualTo(cause);
		// never the "all is well" advice
		Object advice = stored.get("advice");
		assertThat(advice).isNull();
	}

	private void assertItem(String sourceKey, String cause, String detail) {
		List<Map<String, Object>> items = as("sykepleier1").get()
			.uri("/api/patients/" + this.patientId + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(items).filteredOn((item) -> sourceKey.equals(item.get("sourceKey")))
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.get("kind")).isEqualTo("UNASSESSED");
				assertThat(item.get("level")).isIn("YELLOW", "RED");
				assertThat(item.get("status")).isEqualTo("OPEN");
				assertThat((String) item.get("reasons")).contains(cause).contains(detail);
				assertThat((String) item.get("summary")).contains("Could not assess");
			});
	}

	private double count(String cause) {
		return this.meters.get(FailSafe.METRIC).tag("cause", cause).counter().count();
	}

}
