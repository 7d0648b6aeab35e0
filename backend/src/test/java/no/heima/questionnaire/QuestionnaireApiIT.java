package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The questionnaire library over HTTP with real tokens and a real PostgreSQL: import,
 * versions, who may do what, the built-in questionnaires, and scoring on the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionnaireApiIT extends IntegrationTest {

	private static final String BASE = "https://heima.example/fhir/Questionnaire/";

	private static final String FHIR_JSON = "application/fhir+json";

	@Autowired
	DatabaseClient db;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	ValidatorAndFhirPath fhir;

	@Autowired
	QuestionnaireValidation validation;

	@BeforeAll
	void builtInQuestionnairesAreImportedAtStartUp() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (seeded() < 4 && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		assertThat(seeded()).as("built-in questionnaires imported in the background").isEqualTo(4);
	}

	@Test
	void adminImportsAValidQuestionnaireAndItCanBeRead() {
		String json = questionnaire("it-valid", "1.0.0", "Gyldig skjema");
		ImportResult result = as("admin",
				client -> client.post()
					.uri("/api/questionnaires")
					.contentType(MediaType.parseMediaType(FHIR_JSON))
					.bodyValue(json)
					.exchange()
					.expectStatus()
					.isCreated()
					.expectHeader()
					.exists("Location")
					.expectBody(ImportResult.class)
					.returnResult()
					.getResponseBody());
		QuestionnaireRef ref = result.questionnaire();
		assertThat(ref.canonical()).isEqualTo(BASE + "it-valid|1.0.0");
		assertThat(ref.importedByName()).isEqualTo("Anne Dahl");
		assertThat(ref.titles()).containsEntry("nb", "Gyldig skjema").containsEntry("en", "Gyldig skjema (en)");
		assertThat(result.warnings()).extracting("code").contains(ValidatorPolicy.LANGUAGE_NOT_COMMON);

		as("sykepleier1",
				client -> client.get()
					.uri("/api/questionnaires/" + ref.id())
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.parseMediaType(FHIR_JSON))
					.expectBody()
					.jsonPath("$.resourceType")
					.isEqualTo("Questionnaire")
					.jsonPath("$.id")
					.isEqualTo(ref.id().toString())
					.jsonPath("$.item[0].linkId")
					.isEqualTo("feeling"));
	}

	@Test
	void aQuestionnaireLargerThanTheCodecDefaultOf256KbCanBeImported() {
		String help = "Hjelpetekst. ".repeat(25_000);
		String json = questionnaire("it-large", "1.0.0", "Stort skjema").replace("\"title\": \"Stort skjema\"",
				"\"title\": \"Stort skjema\", \"description\": \"" + help + "\"");
		assertThat(json.length()).isGreaterThan(300_000);

		assertThat(importAsAdmin(json).version()).isEqualTo("1.0.0");
	}

	@Test
	void anInvalidQuestionnaireIsRefusedWithEveryIssueAndNothingIsStored() {
		as("admin",
				client -> client.post()
					.uri("/api/questionnaires")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(TestFhir.fixture("questionnaire-invalid.json"))
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("urn:heima:problem:invalid-questionnaire")
					.jsonPath("$.errors[?(@.code == 'missing-options')].field")
					.isEqualTo("Questionnaire.item[0]")
					.jsonPath("$.errors[?(@.code == 'duplicate-linkid')].field")
					.isEqualTo("Questionnaire.item[1].linkId")
					.jsonPath("$.errors[?(@.field == 'Questionnaire.status')].code")
					.isEqualTo("required")
					.jsonPath("$.errors[?(@.code == 'unknown-question')].field")
					.isEqualTo("Questionnaire.item[2].enableWhen[0].question")
					.jsonPath("$.errors[?(@.code == 'invalid-fhirpath')].field")
					.isEqualTo("Questionnaire.item[3].extension[0].value.expression"));

		assertThat(count(BASE + "test-invalid")).isZero();
	}

	@Test
	void aNewVersionIsANewRowAndTheOldOneIsUnchanged() {
		String v1 = questionnaire("it-versions", "1.0.0", "Første utgave");
		QuestionnaireRef first = importAsAdmin(v1);
		QuestionnaireRef second = importAsAdmin(questionnaire("it-versions", "1.1.0", "Andre utgave"));

		QuestionnairePage page = as("sykepleier1",
				client -> client.get()
					.uri(uri -> uri.path("/api/questionnaires").queryParam("url", BASE + "it-versions").build())
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(QuestionnairePage.class)
					.returnResult()
					.getResponseBody());
		assertThat(page.total()).isEqualTo(1);
		QuestionnaireSummary summary = page.items().get(0);
		assertThat(summary.latest().version()).isEqualTo("1.1.0");
		assertThat(summary.versions()).extracting(QuestionnaireRef::version).containsExactly("1.1.0", "1.0.0");

		as("admin",
				client -> client.get()
					.uri("/api/questionnaires/" + first.id())
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.version")
					.isEqualTo("1.0.0")
					.jsonPath("$.title")
					.isEqualTo("Første utgave"));
		assertThat(second.id()).isNotEqualTo(first.id());
	}

	@Test
	void theSameVersionTwiceIsAConflict() {
		String json = questionnaire("it-duplicate", "1.0.0", "Duplikat");
		importAsAdmin(json);

		as("admin",
				client -> client.post()
					.uri("/api/questionnaires")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(json)
					.exchange()
					.expectStatus()
					.isEqualTo(HttpStatus.CONFLICT)
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("urn:heima:problem:duplicate-version"));
		assertThat(count(BASE + "it-duplicate")).isEqualTo(1);
	}

	@Test
	void onlyAdminsImportAndRetire() {
		String json = questionnaire("it-forbidden", "1.0.0", "Ikke tillatt");
		for (String user : List.of("sykepleier1", "pasient1")) {
			as(user, client -> client.post()
				.uri("/api/questionnaires")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(json)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:heima:problem:forbidden"));
		}
		assertThat(count(BASE + "it-forbidden")).isZero();
		UUID seed = seedId("phq-9");
		as("sykepleier1",
				client -> client.post()
					.uri("/api/questionnaires/" + seed + "/retire")
					.exchange()
					.expectStatus()
					.isForbidden());
	}

	@Test
	void patientsReadByCanonicalButCannotListOrReadById() {
		as("pasient1",
				client -> client.get()
					.uri(uri -> uri.path("/api/questionnaires/by-canonical")
						.queryParam("url", BASE + "heart-failure-symptoms")
						.queryParam("version", "1.0.0")
						.build())
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.url")
					.isEqualTo(BASE + "heart-failure-symptoms")
					.jsonPath("$.language")
					.isEqualTo("nb-NO"));
		as("pasient1", client -> client.get().uri("/api/questionnaires").exchange().expectStatus().isForbidden());
		as("pasient1",
				client -> client.get()
					.uri("/api/questionnaires/" + seedId("phq-9"))
					.exchange()
					.expectStatus()
					.isForbidden());
		as("pasient1", client -> client.get()
			.uri(uri -> uri.path("/api/questionnaires/by-canonical").queryParam("url", BASE + "no-such").build())
			.exchange()
			.expectStatus()
			.isNotFound());
	}

	@Test
	void theLibraryListsEachUrlOnceWithItsVersionsPagedInTheDatabase() {
		QuestionnairePage page = as("admin",
				client -> client.get()
					.uri("/api/questionnaires?page=0&size=2")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(QuestionnairePage.class)
					.returnResult()
					.getResponseBody());
		assertThat(page.items()).hasSize(2);
		assertThat(page.total()).isGreaterThanOrEqualTo(4);
		as("admin",
				client -> client.get().uri("/api/questionnaires?size=1000").exchange().expectStatus().isBadRequest());
	}

	@Test
	void aRetiredVersionStaysReadableButIsNotOfferedForNewPathways() {
		QuestionnaireRef ref = importAsAdmin(questionnaire("it-retire", "1.0.0", "Skal pensjoneres"));

		as("admin",
				client -> client.post()
					.uri("/api/questionnaires/" + ref.id() + "/retire")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.retired")
					.isEqualTo(true));

		as("pasient1",
				client -> client.get()
					.uri(uri -> uri.path("/api/questionnaires/by-canonical")
						.queryParam("url", BASE + "it-retire")
						.queryParam("version", "1.0.0")
						.build())
					.exchange()
					.expectStatus()
					.isOk());
		StepVerifier.create(questionnaires.findActive(BASE + "it-retire", "1.0.0")).verifyComplete();
		StepVerifier.create(questionnaires.find(BASE + "it-retire", "1.0.0"))
			.assertNext(found -> assertThat(found.retired()).isTrue())
			.verifyComplete();
		StepVerifier.create(questionnaires.findActive(BASE + "heart-failure-symptoms", "1.0.0"))
			.assertNext(found -> assertThat(found.title("en")).isEqualTo("Heart failure symptom check"))
			.verifyComplete();
	}

	@Test
	void theServerScoresPhq9AndGad7FromTheAnswersIgnoringTheClientsTotal() {
		String phq9 = response(BASE + "phq-9|1.0.0", "phq9", new int[] { 0, 1, 2, 3, 0, 1, 2, 3, 1 }, 99);
		StepVerifier.create(questionnaires.score(BASE + "phq-9|1.0.0", phq9)).assertNext(result -> {
			assertThat(result.byLoinc("44261-6")).hasValueSatisfying(total -> {
				assertThat(total.linkId()).isEqualTo("phq9-total");
				assertThat(total.value()).isEqualByComparingTo("13");
			});
			assertThat(result.response()).contains("\"valueInteger\":13").doesNotContain("99");
		}).verifyComplete();

		String gad7 = response(BASE + "gad-7|1.0.0", "gad7", new int[] { 1, 1, 1, 1, 1, 1, 1 }, 0);
		StepVerifier.create(questionnaires.score(BASE + "gad-7", gad7))
			.assertNext(result -> assertThat(result.byLinkId("gad7-total")).hasValueSatisfying(total -> {
				assertThat(total.value()).isEqualByComparingTo("7");
				assertThat(total.loinc()).isEqualTo("70274-6");
			}))
			.verifyComplete();
	}

	@Test
	void printsTheValidatorWarmUpAndAWarmValidation() {
		fhir.ready().block(Duration.ofMinutes(2));
		String phq9 = TestFhir.seed("phq-9");
		long started = System.nanoTime();
		validation.validate(phq9).block(Duration.ofMinutes(1));
		long warm = System.nanoTime() - started;
		System.out.printf("[timing] application start-up: validator warmed in the background in %d ms;"
				+ " a warm validation of PHQ-9 took %d ms%n", fhir.warmUpTime().toMillis(), warm / 1_000_000);
	}

	private QuestionnaireRef importAsAdmin(String json) {
		return as("admin",
				client -> client.post()
					.uri("/api/questionnaires")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(json)
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(ImportResult.class)
					.returnResult()
					.getResponseBody()
					.questionnaire());
	}

	/** Imports wait for the validator; give them longer than WebTestClient's 5 s. */
	private <T> T as(String user, Function<WebTestClient, T> call) {
		return call.apply(as(user).mutate().responseTimeout(Duration.ofSeconds(60)).build());
	}

	private static String questionnaire(String name, String version, String title) {
		return """
				{"resourceType": "Questionnaire", "language": "nb-NO", "url": "%s", "version": "%s",
				 "status": "active", "title": "%s",
				 "_title": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
				   "extension": [{"url": "lang", "valueCode": "en"}, {"url": "content", "valueString": "%s (en)"}]}]},
				 "item": [{"linkId": "feeling", "text": "Hvordan har du det?", "type": "choice", "answerOption": [
				   {"valueCoding": {"system": "urn:heima:test", "code": "good", "display": "Bra"}},
				   {"valueCoding": {"system": "urn:heima:test", "code": "bad", "display": "Dårlig"}}]}]}
				""".formatted(BASE + name, version, title, title);
	}

	private static String response(String canonical, String prefix, int[] ordinals, int clientTotal) {
		String[] codes = { "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9" };
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < ordinals.length; i++) {
			items.append("""
					{"linkId": "%s-%d", "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "%s"}}]},
					""".formatted(prefix, i + 1, codes[ordinals[i]]));
		}
		return """
				{"resourceType": "QuestionnaireResponse", "questionnaire": "%s", "status": "completed",
				 "item": [%s {"linkId": "%s-total", "answer": [{"valueInteger": %d}]}]}
				""".formatted(canonical, items, prefix, clientTotal);
	}

	private long seeded() {
		return db.sql("select count(*) as n from questionnaire where imported_by = 'system:seed'")
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

	private long count(String url) {
		return db.sql("select count(*) as n from questionnaire where url = :url")
			.bind("url", url)
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

	private UUID seedId(String name) {
		return db.sql("select id from questionnaire where url = :url")
			.bind("url", BASE + name)
			.map(row -> row.get("id", UUID.class))
			.one()
			.block();
	}

}
