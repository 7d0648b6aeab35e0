package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Measurements from the patient app over HTTP: each validation rule with its problem
 * type, idempotency (replay, changed body, concurrent retries), triage with advice, and
 * task completion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasurementApiIT extends IntegrationTest {

	@Autowired
	DatabaseClient db;

	private String carePlanId;

	private UUID patientId;

	@BeforeAll
	void enrolKari() {
		this.patientId = registeredKari();
		this.carePlanId = enrol(this.patientId, publishedPathway(definition()), 3);
	}

	@Test
	void redBloodPressureGetsRedAdviceAndCompletesTheTask() {
		Map<?, ?> result = post(UUID.randomUUID().toString(), bloodPressure(182, 110, Instant.now())).expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		Map<?, ?> triage = (Map<?, ?>) result.get("triage");
		assertThat(triage.get("level")).isEqualTo("RED");
		List<?> reasons = (List<?>) triage.get("reasons");
		assertThat(reasons.stream().map((r) -> (Object) ((Map<?, ?>) r).get("bound")).toList())
			.containsExactlyInAnyOrder("redHigh", "redHigh");
		assertThat(((Map<?, ?>) triage.get("rules")).get("pathwayVersion")).isEqualTo(1);
		assertThat(((Map<?, ?>) result.get("advice")).get("nb")).isEqualTo("Ring avdelingen nå");
		assertThat(result.get("receivedAt")).isNotNull();

		// the worklist item carries the values structured (each screen words them in its
		// own
		// language), beside the triage reasons where they always were
		Map<?, ?> item = java.util.Arrays
			.stream(as("sykepleier1").get()
				.uri("/api/patients/" + this.patientId + "/worklist")
				.exchange()
				.expectBody(Map[].class)
				.returnResult()
				.getResponseBody())
			.filter((i) -> result.get("id").equals(i.get("sourceKey")))
			.findFirst()
			.orElseThrow();
		Map<?, ?> detail = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue((String) item.get("reasons"), Map.class);
		assertThat(detail.get("vital")).isEqualTo("BLOOD_PRESSURE");
		assertThat(((List<?>) detail.get("values")).stream()
			.map((v) -> ((Number) ((Map<?, ?>) v).get("value")).intValue())
			.toList()).containsExactly(182, 110);
		assertThat(((List<?>) detail.get("reasons"))).hasSize(2);

		as("pasient1").get()
			.uri("/api/me/tasks")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.activityId == 'bp' && @.carePlanId == '" + this.carePlanId + "')].state")
			.isEqualTo("DONE");
	}

	@Test
	void greenValueGetsGreenAdvice() {
		post(UUID.randomUUID().toString(), bloodPressure(128, 78, Instant.now())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.triage.level")
			.isEqualTo("GREEN")
			.jsonPath("$.advice.en")
			.isEqualTo("Carry on");
	}

	@Test
	void sameKeyAndBodyReplaysTheFirstAnswer() {
		String key = UUID.randomUUID().toString();
		String body = bloodPressure(150, 95, Instant.now());
		String first = post(key, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String second = post(key, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(second).isEqualTo(first);
		assertThat(countWithSubmission(first)).isEqualTo(1);
	}

	@Test
	void sameKeyWithAnotherBodyIs409() {
		String key = UUID.randomUUID().toString();
		post(key, bloodPressure(150, 95, Instant.now())).expectStatus().isCreated();
		post(key, bloodPressure(151, 95, Instant.now())).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:idempotency-key-reused");
	}

	@Test
	void twentyConcurrentIdenticalRequestsStoreOne() {
		String key = UUID.randomUUID().toString();
		Instant at = Instant.now().minusSeconds(60);
		String body = weight("93.7", "kg", at);
		WebTestClient patient = as("pasient1");
		List<CompletableFuture<Integer>> requests = IntStream.range(0, 20)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> patient.post()
				.uri("/api/me/measurements")
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value()))
			.toList();

		assertThat(requests.stream().map(CompletableFuture::join)).containsOnly(201);
		long stored = this.db.sql(
				"select count(*) from measurement where patient_id = :p and measured_at = :at and vital = 'BODY_WEIGHT'")
			.bind("p", this.patientId)
			.bind("at", at.atOffset(java.time.ZoneOffset.UTC))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(stored).isEqualTo(1);
	}

	@Test
	void aRiseWithinTheTrendWindowIsYellowEvenInsideTheBounds() {
		Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
		post(UUID.randomUUID().toString(), temperature("36.4", yesterday)).expectStatus().isCreated();

		post(UUID.randomUUID().toString(), temperature("38.0", Instant.now())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.triage.level")
			.isEqualTo("YELLOW")
			.jsonPath("$.triage.reasons[0].bound")
			.isEqualTo("rise2d");
	}

	@Test
	void theRunInSuggestsPersonalBoundsToTheTeamOnly() {
		Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
		for (String kg : List.of("84.0", "85.0", "86.0")) {
			post(UUID.randomUUID().toString(), weight(kg, "kg", start)).expectStatus().isCreated();
		}
		String path = "/api/care-plans/" + this.carePlanId + "/baseline?activityId=weight&days=3";
		as("sykepleier1").get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].code")
			.isEqualTo("29463-7")
			.jsonPath("$[0].count")
			.value((Integer n) -> assertThat(n).isGreaterThanOrEqualTo(3))
			.jsonPath("$[0].suggested.yellowHigh")
			.exists();
		as("sykepleier2").get().uri(path).exchange().expectStatus().isNotFound();
		as("pasient1").get().uri(path).exchange().expectStatus().isForbidden();
	}

	@Test
	void unitsAreConvertedWithTheLibraryAndTheEntryIsKept() {
		post(UUID.randomUUID().toString(), weight("176.37", "[lb_av]", Instant.now())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.values[0].value")
			.isEqualTo(80)
			.jsonPath("$.values[0].unit")
			.isEqualTo("kg")
			.jsonPath("$.entered[0].unit")
			.isEqualTo("[lb_av]");
	}

	@Test
	void eachRuleIsRefusedWithItsProblemType() {
		Instant now = Instant.now();
		expectProblem(bloodPressure(400, 90, now), 422, "implausible-value");
		expectProblem(bloodPressure(80, 90, now), 422, "implausible-value");
		expectProblem(weight("80", "mm[Hg]", now), 422, "unit-mismatch");
		expectProblem(weight("80", "pounds", now), 422, "unit-mismatch");
		expectProblem(weight("80", "kg", now.plus(1, ChronoUnit.DAYS)), 422, "measured-at-in-future");
		expectProblem(weight("80", "kg", now.minus(30, ChronoUnit.DAYS)), 422, "measured-at-before-enrolment");
		expectProblem("{\"vital\":\"BODY_WEIGHT\",\"values\":[],\"measuredAt\":\"" + now + "\"}", 400, "validation");
		expectProblem(
				"{\"vital\":\"BLOOD_PRESSURE\",\"values\":[{\"code\":\"8480-6\",\"value\":120,\"unit\":\"mm[Hg]\"}],"
						+ "\"measuredAt\":\"" + now + "\"}",
				400, "validation");
		expectProblem("{not json", 400, "malformed-request");
		as("pasient1").post()
			.uri("/api/me/measurements")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(weight("80", "kg", now))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("Idempotency-Key");
	}

	@Test
	void onlyTheTeamSeesThePatientsMeasurements() {
		// a vital no other test class records for Kari (they share the database)
		String temperature = "{\"vital\":\"BODY_TEMPERATURE\",\"carePlanId\":\"" + this.carePlanId
				+ "\",\"measuredAt\":\"" + Instant.now()
				+ "\",\"values\":[{\"code\":\"8310-5\",\"value\":37.8,\"unit\":\"Cel\"}]}";
		post(UUID.randomUUID().toString(), temperature).expectStatus().isCreated();
		as("sykepleier1").get()
			.uri("/api/patients/" + this.patientId + "/measurements?vital=BODY_TEMPERATURE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.values[0].value == 37.8)]")
			.exists();
		as("sykepleier2").get()
			.uri("/api/patients/" + this.patientId + "/measurements")
			.exchange()
			.expectStatus()
			.isNotFound();
		as("sykepleier1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(weight("80", "kg", Instant.now()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private void expectProblem(String body, int status, String type) {
		post(UUID.randomUUID().toString(), body).expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:" + type);
	}

	private WebTestClient.ResponseSpec post(String key, String body) {
		return as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long countWithSubmission(String responseJson) {
		String id = responseJson.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		return this.db.sql("select count(*) from measurement where id = :id")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private String bloodPressure(int systolic, int diastolic, Instant at) {
		return "{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + this.carePlanId + "\",\"activityId\":\"bp\","
				+ "\"measuredAt\":\"" + at + "\",\"values\":[{\"code\":\"8480-6\",\"value\":" + systolic
				+ ",\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":" + diastolic + ",\"unit\":\"mm[Hg]\"}]}";
	}

	private String temperature(String value, Instant at) {
		return "{\"vital\":\"BODY_TEMPERATURE\",\"carePlanId\":\"" + this.carePlanId
				+ "\",\"activityId\":\"temperature\"," + "\"measuredAt\":\"" + at
				+ "\",\"values\":[{\"code\":\"8310-5\",\"value\":" + value + ",\"unit\":\"Cel\"}]}";
	}

	private String weight(String value, String unit, Instant at) {
		return "{\"vital\":\"BODY_WEIGHT\",\"carePlanId\":\"" + this.carePlanId + "\",\"measuredAt\":\"" + at
				+ "\",\"values\":[{\"code\":\"29463-7\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}]}";
	}

	private static Map<String, Object> definition() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		return Map.of(
				"name", "Måletest", "activities", List.of(
						Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
								"schedule", daily, "thresholds",
								List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180),
										Map.of("code", "8462-4", "yellowHigh", 90, "redHigh", 110))),
						Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
								"schedule", daily, "collectOnly", true, "collectOnlyReason",
								Map.of("nb", "Bare til samtalen", "en", "Only for the talk")),
						Map.of("id", "temperature", "type", "MEASUREMENT", "title", "Temperatur", "vital",
								"BODY_TEMPERATURE", "schedule", daily, "trends",
								List.of(Map.of("code", "8310-5", "windowDays", 2, "rise", 1.5, "level", "YELLOW")))),
				"advice",
				Map.of("green", Map.of("nb", "Fortsett som før", "en", "Carry on"), "yellow",
						Map.of("nb", "Mål igjen", "en", "Measure again"), "red",
						Map.of("nb", "Ring avdelingen nå", "en", "Call the ward now")));
	}

}
