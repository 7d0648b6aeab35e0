package no.heima.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.IntegrationTest;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Pathway versions and care plans over HTTP with real tokens: who may configure, enrol
 * and read, and that editing a pathway leaves enrolled patients on the version they were
 * enrolled on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathwayCarePlanIT extends IntegrationTest {

	private static final String PATIENT_ID_NUMBER = "10828140014";

	static final String HEART_FAILURE = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	private UUID pathwayId;

	private UUID patientId;

	@BeforeAll
	void setUp() {
		awaitBuiltInQuestionnaires();
		this.pathwayId = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition("Hjertesvikt", 90)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof String id ? UUID.fromString(id) : null;
		as("admin").post().uri("/api/pathways/" + this.pathwayId + "/publish").exchange().expectStatus().isOk();
		this.patientId = UUID.fromString((String) as("sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", PATIENT_ID_NUMBER, "givenName", "Plan", "familyName", "Pasient"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	@Test
	void invalidDefinitionListsEveryProblemByField() {
		Map<String, Object> bad = Map.of("name", "", "activities",
				List.of(Map.of("id", "w", "type", "MEASUREMENT", "vital", "BODY_WEIGHT", "schedule",
						Map.of("kind", "EVERY_N_DAYS", "windowStart", "11:00", "windowEnd", "07:00"), "thresholds",
						List.of(Map.of("code", "29463-7", "yellowHigh", 90, "redHigh", 80)))));
		as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", bad))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation")
			.jsonPath("$.errors[?(@.field == 'name')].code")
			.isEqualTo("required")
			.jsonPath("$.errors[?(@.field == 'activities[0].schedule.windowEnd')].code")
			.isEqualTo("order")
			.jsonPath("$.errors[?(@.field == 'activities[0].schedule.intervalDays')].code")
			.isEqualTo("range")
			.jsonPath("$.errors[?(@.field == 'activities[0].thresholds[0]')].code")
			.isEqualTo("order");
	}

	@Test
	void publishingRefusesAQuestionnaireThatIsNotInTheLibrary() {
		Map<String, Object> definition = new java.util.HashMap<>(definition("Ukjent skjema", 90));
		definition.put("activities",
				List.of(Map.of("id", "q", "type", "QUESTIONNAIRE", "title", "Skjema", "questionnaireUrl",
						"https://heima.example/fhir/Questionnaire/does-not-exist", "questionnaireVersion", "1.0.0",
						"schedule", Map.of("kind", "DAILY", "windowStart", "07:00", "windowEnd", "11:00"))));
		UUID pathway = UUID.fromString((String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		as("admin").post()
			.uri("/api/pathways/" + pathway + "/publish")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("activities[0].questionnaireUrl")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unknown");
	}

	@Test
	void onlyAdminsOfTheTeamConfigurePathways() {
		as("sykepleier1").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition("X", 90)))
			.exchange()
			.expectStatus()
			.isForbidden();
		as("pasient1").get().uri("/api/pathways").exchange().expectStatus().isForbidden();
		as("sykepleier1").put()
			.uri("/api/pathways/" + this.pathwayId + "/draft")
			.bodyValue(definition("X", 90))
			.exchange()
			.expectStatus()
			.isForbidden();
		// a clinician of the team reads; one of another team does not see it
		as("sykepleier1").get().uri("/api/pathways/" + this.pathwayId).exchange().expectStatus().isOk();
		as("sykepleier2").get().uri("/api/pathways/" + this.pathwayId).exchange().expectStatus().isNotFound();
	}

	@Test
	void editingAPathwayLeavesEnrolledPatientsOnTheirVersion() {
		UUID pathway = create("Versjonert", 90);
		publish(pathway);
		Map<?, ?> plan = enrol(pathway, null);
		assertThat(plan.get("pathwayVersion")).isEqualTo(1);

		as("admin").put()
			.uri("/api/pathways/" + pathway + "/draft")
			.bodyValue(definition("Versjonert", 85))
			.exchange()
			.expectStatus()
			.isOk();
		Map<?, ?> v2 = publish(pathway);
		assertThat(v2.get("version")).isEqualTo(2);
		as("admin").get()
			.uri("/api/pathways/" + pathway + "/versions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].version")
			.isEqualTo(List.of(2, 1));

		WebTestClient nurse = as("sykepleier1");
		Map<?, ?> after = nurse.get()
			.uri("/api/care-plans/" + plan.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(after.get("pathwayVersion")).isEqualTo(1);
		// version 1 is unchanged: its weight threshold is still 90
		nurse.get()
			.uri("/api/pathways/" + pathway + "/versions/1")
			.exchange()
			.expectBody()
			.jsonPath("$.definition.activities[0].thresholds[0].yellowHigh")
			.isEqualTo(90);

		// someone moves the patient on purpose
		nurse.post()
			.uri("/api/care-plans/" + plan.get("id") + "/move")
			.header("If-Match", "\"" + after.get("version") + "\"")
			.bodyValue(Map.of("pathwayVersion", 2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pathwayVersion")
			.isEqualTo(2);
	}

	@Test
	void pathwayAndCarePlanExportAsFhir() {
		String planDefinition = as("sykepleier1").get()
			.uri("/api/pathways/" + this.pathwayId + "/versions/1/fhir")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		PlanDefinition plan = FhirJson.read(PlanDefinition.class, planDefinition);
		assertThat(plan.getVersion()).isEqualTo("1");
		assertThat(plan.getAction()).hasSize(2);
		assertThat(plan.getContained()).hasSize(2);
		ActivityDefinition weight = (ActivityDefinition) plan.getContained().get(0);
		assertThat(weight.getCode().getCodingFirstRep().getCode()).isEqualTo("29463-7");
		assertThat(plan.getAction().get(1).getAction()).hasSize(4); // days 1, 7, 14, 30

		Map<?, ?> enrolled = enrol(this.pathwayId, null);
		String carePlanJson = as("sykepleier1").get()
			.uri("/api/care-plans/" + enrolled.get("id") + "/fhir")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		CarePlan carePlan = FhirJson.read(CarePlan.class, carePlanJson);
		assertThat(carePlan.getSubject().getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
		assertThat(carePlan.getSubject().getIdentifier().getValue()).isEqualTo(PATIENT_ID_NUMBER);
		assertThat(carePlan.getInstantiatesCanonical().get(0).getValue()).endsWith("|1");
		assertThat(carePlan.getActivity()).hasSize(2);
		as("sykepleier2").get()
			.uri("/api/care-plans/" + enrolled.get("id") + "/fhir")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void previewShowsTheFirstThirtyDays() {
		List<Map<String, Object>> days = as("admin").get()
			.uri("/api/pathways/" + this.pathwayId + "/preview?version=1&start=2026-03-02&days=30")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		// weight daily: 30 days; symptoms on day 1, 7, 14, 30
		assertThat(days).hasSize(30);
		assertThat(days.stream().filter((d) -> ((List<?>) d.get("items")).size() == 2).map((d) -> d.get("dayNumber")))
			.containsExactly(1, 7, 14, 30);
	}

	@Test
	void clinicianEnrolsPausesAndEndsAndThePatientSeesOwnTasks() {
		Map<?, ?> plan = enrol(this.pathwayId, LocalDate.now(ZoneId.of("Europe/Oslo")).toString());
		String id = (String) plan.get("id");
		assertThat(plan.get("status")).isEqualTo("ACTIVE");

		as("sykepleier2").get().uri("/api/care-plans/" + id).exchange().expectStatus().isNotFound();
		as("sykepleier2").post()
			.uri("/api/patients/" + this.patientId + "/care-plans")
			.bodyValue(Map.of("pathwayId", this.pathwayId))
			.exchange()
			.expectStatus()
			.isNotFound();

		Map<?, ?> paused = as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/pause")
			.header("If-Match", "\"" + plan.get("version") + "\"")
			.bodyValue(Map.of("reason", "Innlagt på sykehus"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(paused.get("status")).isEqualTo("PAUSED");
		as("sykepleier1").get()
			.uri("/api/care-plans/" + id + "/tasks?days=1")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		// a stale version is refused
		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/resume")
			.header("If-Match", "\"" + plan.get("version") + "\"")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
		Map<?, ?> resumed = as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/resume")
			.header("If-Match", "\"" + paused.get("version") + "\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(resumed.get("status")).isEqualTo("ACTIVE");
		as("sykepleier1").get()
			.uri("/api/care-plans/" + id + "/tasks?days=1")
			.exchange()
			.expectBody()
			.jsonPath("$[0].activityId")
			.isEqualTo("weight");

		as("sykepleier1").post()
			.uri("/api/care-plans/" + id + "/end")
			.header("If-Match", "\"" + resumed.get("version") + "\"")
			.bodyValue(Map.of("reason", "Stabil, avsluttet"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ENDED");
	}

	@Test
	void patientReadsOnlyOwnPlanAndTasks() {
		UUID kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		String tenDaysAgo = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(10).toString();
		String plan = (String) as("sykepleier1").post()
			.uri("/api/patients/" + kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", this.pathwayId, "startDate", tenDaysAgo))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		// other test classes enrol Kari too: look at this plan only
		as("pasient1").get()
			.uri("/api/me/care-plans")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + plan + "')].pathwayName")
			.isEqualTo("Hjertesvikt");
		as("pasient1").get()
			.uri("/api/me/tasks?date=" + tenDaysAgo)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.carePlanId == '" + plan + "')].activityId")
			.isEqualTo(List.of("weight", "symptoms"))
			.jsonPath("$[?(@.carePlanId == '" + plan + "')].state")
			.isEqualTo(List.of("MISSED", "MISSED"));
		as("pasient1").get()
			.uri("/api/patients/" + this.patientId + "/care-plans")
			.exchange()
			.expectStatus()
			.isForbidden();
		as("pasient1").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition("X", 1)))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private UUID create(String name, int weightYellowHigh) {
		return UUID.fromString((String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition(name, weightYellowHigh)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	private Map<?, ?> publish(UUID pathway) {
		return as("admin").post()
			.uri("/api/pathways/" + pathway + "/publish")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> enrol(UUID pathway, String startDate) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("pathwayId", pathway));
		if (startDate != null) {
			body.put("startDate", startDate);
		}
		return as("sykepleier1").post()
			.uri("/api/patients/" + this.patientId + "/care-plans")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	static Map<String, Object> definition(String name, int weightYellowHigh) {
		return Map.of("name", name, "description", Map.of("nb", "Oppfølging hjemme", "en", "Follow-up at home"),
				"activities",
				List.of(Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
						"schedule", Map.of("kind", "DAILY", "windowStart", "07:00", "windowEnd", "11:00"), "thresholds",
						List.of(Map.of("code", "29463-7", "yellowHigh", weightYellowHigh, "redHigh", 120))),
						Map.of("id", "symptoms", "type", "QUESTIONNAIRE", "title", "Symptomer", "questionnaireUrl",
								HEART_FAILURE, "questionnaireVersion", "1.0.0", "schedule",
								Map.of("kind", "RELATIVE_DAYS", "windowStart", "12:00", "windowEnd", "20:00", "days",
										List.of(1, 7, 14, 30)),
								"collectOnly", true, "collectOnlyReason",
								Map.of("nb", "Bare til samtalen", "en", "Only for the talk"))),
				"advice", Map.of("green", Map.of("nb", "Fortsett som før", "en", "Carry on"), "red",
						Map.of("nb", "Ring avdelingen nå", "en", "Call the ward now")));
	}

}
