package no.heima.response;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The care team reads a patient's questionnaire responses: the answers with the question
 * in the viewer's language, the level an answer trigger gave, what changed since the
 * previous response; a nurse of another team gets 404 and the attempt is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianResponsesIT extends IntegrationTest {

	private static final String HEART_FAILURE = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	private static final String HF_CODES = "https://heima.example/fhir/CodeSystem/heart-failure-symptoms";

	@Autowired
	DatabaseClient db;

	private UUID kari;

	private String carePlanId;

	private final String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();

	@BeforeAll
	void enrolKari() {
		awaitBuiltInQuestionnaires();
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		// more breathless and more swollen: each yellow, and together a combination whose
		// text (not its id) the nurse reads
		Map<String, Object> combination = Map.of("id", "breath-and-swelling", "conditions",
				List.of(Map.of("activityId", "hf-read", "code", "hf-more-breathless"),
						Map.of("activityId", "hf-read", "code", "hf-swelling")),
				"withinDays", 3, "level", "YELLOW", "description",
				Map.of("nb", "Mer tungpust og mer hoven", "en", "More breathless and more swollen"));
		Map<String, Object> definition = Map.of("name", "Svar for sykepleier", "activities",
				List.of(Map.of("id", "hf-read", "type", "QUESTIONNAIRE", "title", "Symptomer", "questionnaireUrl",
						HEART_FAILURE, "questionnaireVersion", "1.0.0", "schedule", daily, "triggers",
						List.of(Map.of("linkId", "hf-more-breathless", "codes", List.of("true"), "level", "YELLOW"), Map
							.of("linkId", "hf-swelling", "codes", List.of("more-than-usual"), "level", "YELLOW")))),
				"combinations", List.of(combination));
		String pathway = (String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		as("admin").post().uri("/api/pathways/" + pathway + "/publish").exchange().expectStatus().isOk();
		this.kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		this.carePlanId = (String) as("sykepleier1").post()
			.uri("/api/patients/" + this.kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@Test
	void theNurseReadsTheAnswersAndWhatChanged() {
		submit(heartFailure(false, "as-usual", 2));
		String worse = submit(heartFailure(true, "more-than-usual", 3));

		// the list, newest first, with the level the trigger gave
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/responses?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(worse)
			.jsonPath("$[0].level")
			.isEqualTo("YELLOW")
			.jsonPath("$[0].title")
			.isNotEmpty();

		// the detail in Norwegian: the question text, the answer, and what it was before
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/responses/" + worse)
			.header("Accept-Language", "nb-NO,nb;q=0.9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("nb")
			.jsonPath("$.triage.level")
			.isEqualTo("YELLOW")
			.jsonPath("$.previous.id")
			.isNotEmpty()
			.jsonPath("$.answers[?(@.linkId == 'hf-more-breathless')].question")
			.isEqualTo("Er du mer tungpusten enn vanlig?")
			.jsonPath("$.answers[?(@.linkId == 'hf-more-breathless')].answer[0]")
			.isEqualTo("Ja")
			.jsonPath("$.answers[?(@.linkId == 'hf-more-breathless')].previous[0]")
			.isEqualTo("Nei")
			.jsonPath("$.answers[?(@.linkId == 'hf-more-breathless')].changed")
			.isEqualTo(true)
			.jsonPath("$.answers[?(@.linkId == 'hf-more-breathless')].level")
			.isEqualTo("YELLOW")
			.jsonPath("$.answers[?(@.linkId == 'hf-pillows')].answer[0]")
			.isEqualTo("3")
			.jsonPath("$.answers[?(@.linkId == 'hf-pillows')].previous[0]")
			.isEqualTo("2")
			.jsonPath("$.answers[?(@.linkId == 'hf-breathless-rest')].changed")
			.isEqualTo(false)
			.jsonPath("$.triage.reasons[?(@.bound == 'combination')].code")
			.isEqualTo("breath-and-swelling")
			.jsonPath("$.rules['breath-and-swelling']")
			.isEqualTo("Mer tungpust og mer hoven");

		// the same in English, from the questionnaire's translations
		Map<?, ?> english = as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/responses/" + worse + "?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(english.get("rules")).isEqualTo(Map.of("breath-and-swelling", "More breathless and more swollen"));
		Map<?, ?> swelling = ((List<?>) english.get("answers")).stream()
			.map(Map.class::cast)
			.filter((a) -> "hf-swelling".equals(a.get("linkId")))
			.findFirst()
			.orElseThrow();
		assertThat((String) swelling.get("question")).doesNotContain("hevelse").containsIgnoringCase("swell");
		assertThat(swelling.get("changed")).isEqualTo(true);
		assertThat(((List<?>) english.get("answers")).stream()
			.map(Map.class::cast)
			.filter((a) -> "hf-more-breathless".equals(a.get("linkId")))
			.findFirst()
			.orElseThrow()
			.get("answer")).isEqualTo(List.of("Yes"));
	}

	@Test
	void aNurseOfAnotherTeamGetsNotFoundAndTheAttemptIsAudited() {
		String id = submit(heartFailure(false, "as-usual", 2));
		long deniedBefore = auditCount("DENIED");
		as("sykepleier2").get().uri("/api/patients/" + this.kari + "/responses").exchange().expectStatus().isNotFound();
		as("sykepleier2").get()
			.uri("/api/patients/" + this.kari + "/responses/" + id)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(auditCount("DENIED")).isEqualTo(deniedBefore + 2);
		as("pasient1").get().uri("/api/patients/" + this.kari + "/responses").exchange().expectStatus().isForbidden();

		long readsBefore = auditCount("SUCCESS");
		as("sykepleier1").get().uri("/api/patients/" + this.kari + "/responses/" + id).exchange().expectStatus().isOk();
		assertThat(auditCount("SUCCESS")).isGreaterThan(readsBefore);
		// an id that is not this patient's response
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/responses/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private long auditCount(String outcome) {
		return this.db.sql("select count(*) from audit_event where patient_id = :p and outcome = :o")
			.bind("p", this.kari)
			.bind("o", outcome)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private String submit(String response) {
		String body = "{\"carePlanId\": \"" + this.carePlanId + "\", \"activityId\": \"hf-read\", \"date\": \""
				+ this.today + "\", \"questionnaireResponse\": " + response + "}";
		return (String) as("pasient1").post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	static String heartFailure(boolean moreBreathless, String swelling, int pillows) {
		String details = !moreBreathless ? ""
				: ", {\"linkId\": \"hf-breathless-details\", \"item\": [{\"linkId\": \"hf-breathless-exertion\", \"answer\":"
						+ " [{\"valueCoding\": {\"system\": \"" + HF_CODES
						+ "\", \"code\": \"light-exertion\"}}]}, {\"linkId\": \"hf-breathless-since\","
						+ " \"answer\": [{\"valueCoding\": {\"system\": \"" + HF_CODES
						+ "\", \"code\": \"today\"}}]}]}";
		return "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": ["
				+ "{\"linkId\": \"hf-breathless-rest\", \"answer\": [{\"valueBoolean\": false}]},"
				+ "{\"linkId\": \"hf-more-breathless\", \"answer\": [{\"valueBoolean\": " + moreBreathless + "}]}"
				+ details + ", {\"linkId\": \"hf-swelling\", \"answer\": [{\"valueCoding\": {\"system\": \"" + HF_CODES
				+ "\", \"code\": \"" + swelling + "\"}}]},"
				+ "{\"linkId\": \"hf-sleep-position\", \"answer\": [{\"valueCoding\": {\"system\": \"" + HF_CODES
				+ "\", \"code\": \"lying-as-usual\"}}]},"
				+ "{\"linkId\": \"hf-pillows\", \"answer\": [{\"valueInteger\": " + pillows + "}]},"
				+ "{\"linkId\": \"hf-weight-gain\", \"answer\": [{\"valueBoolean\": false}]}" + "]}";
	}

}
