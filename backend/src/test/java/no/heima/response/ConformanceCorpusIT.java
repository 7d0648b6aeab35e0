package no.heima.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.SdcCorpus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDC conformance corpus over HTTP, as the patient app submits it: each questionnaire
 * imported through the API, one pathway activity per questionnaire, every case posted to
 * {@code /api/me/responses}. Stored cases answer 201 with the drops and scores of the
 * table and store the expected answers; refused cases answer the problem type naming the
 * question, and leave no row in questionnaire_response, fhir_outbox or worklist_item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceCorpusIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DatabaseClient db;

	private final String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();

	private final Map<String, String> activityOf = new HashMap<>();

	private String carePlanId;

	private UUID kari;

	@BeforeAll
	void importTheCorpusAndEnrol() {
		awaitBuiltInQuestionnaires();
		List<Map<String, Object>> activities = new ArrayList<>();
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		int n = 0;
		for (SdcCorpus.Form form : SdcCorpus.forms()) {
			var imported = as("admin").post()
				.uri("/api/questionnaires")
				.contentType(MediaType.parseMediaType("application/fhir+json"))
				.bodyValue(form.questionnaireJson())
				.exchange()
				.returnResult(String.class);
			int status = imported.getStatus().value();
			if (form.importRefused()) {
				assertThat(status).as(form.folder()).isEqualTo(400);
				assertThat(imported.getResponseBody().blockFirst()).contains(form.notes().get("code").asString());
				continue;
			}
			// 409: an earlier run of this class in the same database imported it
			assertThat(status).as(form.folder()).isIn(201, 409);
			String[] canonical = form.canonical().split("\\|");
			String activity = "sdc" + (++n);
			this.activityOf.put(form.folder(), activity);
			activities.add(Map.of("id", activity, "type", "QUESTIONNAIRE", "title", form.folder(), "questionnaireUrl",
					canonical[0], "questionnaireVersion", canonical[1], "schedule", daily, "collectOnly", true,
					"collectOnlyReason",
					Map.of("nb", "Bare samlet inn i denne testen", "en", "Only collected in this test")));
		}
		Map<String, Object> definition = Map.of("name", "SDC-korpus", "activities", activities);
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
		UUID kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		this.kari = kari;
		this.carePlanId = (String) as("sykepleier1").post()
			.uri("/api/patients/" + kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate", this.today))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@TestFactory
	Stream<DynamicTest> everyCaseOverHttp() {
		List<DynamicTest> tests = new ArrayList<>();
		for (SdcCorpus.Form form : SdcCorpus.forms()) {
			if (!form.importRefused()) {
				form.cases().forEach((c) -> tests.add(DynamicTest.dynamicTest(c.toString(), () -> run(c))));
			}
		}
		return tests.stream();
	}

	@Test
	void repeatingGroupsWithOneTwoAndFiveInstancesAreStored() {
		for (String name : List.of("one-instance", "two-instances", "five-instances")) {
			SdcCorpus.Case c = SdcCorpus.cases()
				.stream()
				.filter((x) -> x.form().equals("03-repeating-nb") && x.name().equals(name))
				.findFirst()
				.orElseThrow();
			JsonNode body = JSON.readTree(submit(c).getResponseBody());
			QuestionnaireResponse stored = storedResource(body.get("id").asString());
			long instances = stored.getItem().stream().filter((i) -> "med".equals(i.getLinkId())).count();
			assertThat(instances).as(name).isEqualTo(c.items().size() - 1);
		}
	}

	@Test
	void aTwoMegabyteJpegIsUploadedReferencedStoredAndWrittenBackWithItsBytes() {
		byte[] jpeg = file(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 2 * 1024 * 1024);
		long attachments = count("attachment");
		JsonNode uploaded = JSON.readTree(
				upload(jpeg).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
		assertThat(uploaded.get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(uploaded.get("size").asLong()).isEqualTo(jpeg.length);
		assertThat(count("attachment")).isEqualTo(attachments + 1);
		String url = uploaded.get("url").asString();

		// the client calls it a PNG: the server stores what the bytes are
		JsonNode body = JSON.readTree(submit(
				photoCase("{\"url\": \"" + url + "\", \"contentType\": \"image/png\", \"title\": \"wound.jpg\"}"))
			.getResponseBody());
		assertThat(body.has("id")).as(body.toString()).isTrue();
		QuestionnaireResponse stored = storedResource(body.get("id").asString());
		org.hl7.fhir.r4.model.Attachment answer = (org.hl7.fhir.r4.model.Attachment) SdcCorpus.answers(stored, "photo")
			.get(0);
		assertThat(answer.getUrl()).isEqualTo(url);
		assertThat(answer.getContentType()).isEqualTo("image/jpeg");
		assertThat(answer.getSize()).isEqualTo(jpeg.length);
		String written = this.db.sql(
				"select resource from fhir_outbox where resource_type = 'QuestionnaireResponse' and identifier_value = :id")
			.bind("id", body.get("id").asString())
			.map((row) -> row.get("resource", String.class))
			.one()
			.block();
		QuestionnaireResponse writeBack = ca.uhn.fhir.context.FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, written);
		org.hl7.fhir.r4.model.Attachment sent = (org.hl7.fhir.r4.model.Attachment) SdcCorpus.answers(writeBack, "photo")
			.get(0);
		assertThat(sent.getData()).isEqualTo(jpeg);
		assertThat(sent.hasUrl()).isFalse();
	}

	@Test
	void theNurseSeesThePhotoThroughTheResponseOnlyAsAnImageAndEveryReadIsAudited() {
		byte[] jpeg = file(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 20_000);
		String url = JSON
			.readTree(upload(jpeg).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
			.get("url")
			.asString();
		String other = JSON
			.readTree(upload(jpeg).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
			.get("url")
			.asString();
		String id = JSON.readTree(
				submit(photoCase("{\"url\": \"" + url + "\", \"contentType\": \"image/jpeg\", \"title\": \"sår.jpg\"}"))
					.getResponseBody())
			.get("id")
			.asString();
		String base = "/api/patients/" + this.kari + "/responses/" + id;
		JsonNode detail = JSON.readTree(as("sykepleier1").get()
			.uri(base + "?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		JsonNode photo = null;
		for (JsonNode answer : detail.get("answers")) {
			if ("photo".equals(answer.get("linkId").asString())) {
				photo = answer;
			}
		}
		assertThat(photo).as(detail.toString()).isNotNull();
		JsonNode link = photo.get("attachments").get(0);
		String fileUrl = base + "/attachments/" + url.substring(url.lastIndexOf('/') + 1);
		assertThat(link.get("url").asString()).isEqualTo(fileUrl);
		assertThat(link.get("contentType").asString()).isEqualTo("image/jpeg");

		long reads = auditReads();
		byte[] served = as("sykepleier1").get()
			.uri(fileUrl)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_JPEG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(jpeg);
		assertThat(auditReads()).isEqualTo(reads + 1);

		// another team, the patient herself, an upload the response does not refer to, no
		// upload
		as("sykepleier2").get().uri(fileUrl).exchange().expectStatus().isNotFound();
		as("pasient1").get().uri(fileUrl).exchange().expectStatus().isForbidden();
		as("sykepleier1").get()
			.uri(base + "/attachments/" + other.substring(other.lastIndexOf('/') + 1))
			.exchange()
			.expectStatus()
			.isNotFound();
		as("sykepleier1").get().uri(base + "/attachments/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();

		// the stored resource, as FHIR, refers to the upload
		as("sykepleier1").get()
			.uri(base + "/fhir")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/fhir+json"))
			.expectBody()
			.jsonPath("$.resourceType")
			.isEqualTo("QuestionnaireResponse")
			.jsonPath("$.item[1].answer[0].valueAttachment.url")
			.isEqualTo(url);
	}

	private long auditReads() {
		return this.db
			.sql("select count(*) as n from audit_event where patient_id = :p and action = 'READ'"
					+ " and detail like 'attachment %'")
			.bind("p", this.kari)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	@Test
	void aPdfIsRefusedWherePhotosAreAskedAndNothingIsKept() {
		long attachments = count("attachment");
		upload(file("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 30_000)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:attachment-type")
			.jsonPath("$.answers[0].text")
			.isEqualTo("Photo of the wound");
		assertThat(count("attachment")).isEqualTo(attachments);
	}

	@Test
	void anElevenMegabyteFileIsRefusedWhereTenAreAllowedAndNothingIsKept() {
		long attachments = count("attachment");
		upload(file(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 11 * 1024 * 1024)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:attachment-too-large")
			.jsonPath("$.answers[0].limit")
			.isEqualTo("10485760");
		assertThat(count("attachment")).isEqualTo(attachments);
	}

	@Test
	void aPhotoThatWasNeverUploadedIsRefusedNotSilentlyLeftOut() {
		Map<String, Long> before = counts();
		EntityExchangeResult<String> result = submit(photoCase(
				"{\"url\": \"/api/me/attachments/" + UUID.randomUUID() + "\", \"contentType\": \"image/jpeg\"}"));
		assertThat(result.getStatus().value()).isEqualTo(422);
		assertThat(JSON.readTree(result.getResponseBody()).get("type").asString())
			.isEqualTo("urn:heima:problem:attachment-not-found");
		assertThat(counts()).isEqualTo(before);
	}

	private SdcCorpus.Case photoCase(String attachment) {
		JsonNode items = JSON.readTree("[{\"linkId\": \"wound-ok\", \"answer\": [{\"valueBoolean\": false}]},"
				+ " {\"linkId\": \"photo\", \"answer\": [{\"valueAttachment\": " + attachment + "}]}]");
		return new SdcCorpus.Case("08-attachment-en", "upload", null, items, JSON.readTree("{}"));
	}

	private WebTestClient.ResponseSpec upload(byte[] bytes) {
		String canonical = SdcCorpus.forms()
			.stream()
			.filter((f) -> f.folder().equals("08-attachment-en"))
			.findFirst()
			.orElseThrow()
			.canonical();
		return as("pasient1").post()
			.uri((b) -> b.path("/api/me/attachments")
				.queryParam("questionnaire", "{q}")
				.queryParam("linkId", "photo")
				.queryParam("title", "wound.jpg")
				.build(canonical))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header("Accept-Language", "en")
			.bodyValue(bytes)
			.exchange();
	}

	private static byte[] file(byte[] magic, int size) {
		byte[] bytes = new byte[size];
		new java.util.Random(size).nextBytes(bytes);
		System.arraycopy(magic, 0, bytes, 0, magic.length);
		return bytes;
	}

	private long count(String table) {
		return this.db.sql("select count(*) as n from " + table).map((row) -> row.get("n", Long.class)).one().block();
	}

	private void run(SdcCorpus.Case c) {
		Map<String, Long> before = counts();
		EntityExchangeResult<String> result = submit(c);
		JsonNode body = JSON.readTree(result.getResponseBody());
		JsonNode expect = c.expect();
		if (c.stored()) {
			assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(201);
			List<String> dropped = new ArrayList<>();
			body.path("dropped").forEach((d) -> dropped.add(d.get("linkId").asString()));
			List<String> wanted = new ArrayList<>();
			expect.path("dropped").forEach((d) -> wanted.add(d.asString()));
			assertThat(dropped).containsExactlyInAnyOrderElementsOf(wanted);
			body.path("dropped").forEach((d) -> assertThat(d.get("text").asString()).isNotBlank());
			expect.path("scores").properties().forEach((e) -> {
				JsonNode score = null;
				for (JsonNode s : body.get("scores")) {
					if (s.get("linkId").asString().equals(e.getKey())) {
						score = s;
					}
				}
				assertThat(score).as("score " + e.getKey()).isNotNull();
				assertThat(SdcCorpus.sameScore(e.getValue(),
						score.get("value").isNull() ? null : score.get("value").decimalValue(),
						score.get("valueText").isNull() ? null : score.get("valueText").asString()))
					.as("score %s: %s", e.getKey(), score)
					.isTrue();
			});
			QuestionnaireResponse stored = storedResource(body.get("id").asString());
			expect.path("answers").properties().forEach((e) -> {
				List<Type> actual = SdcCorpus.answers(stored, e.getKey());
				List<Type> expected = SdcCorpus.expectedAnswers(e.getValue());
				assertThat(actual).as(e.getKey()).hasSameSizeAs(expected);
				for (int i = 0; i < expected.size(); i++) {
					assertThat(SdcCorpus.sameValue(expected.get(i), actual.get(i))).as(e.getKey() + "[" + i + "]")
						.isTrue();
				}
			});
			expect.path("absent").forEach((a) -> assertThat(SdcCorpus.present(stored, a.asString())).isFalse());
			for (String linkId : wanted) {
				assertThat(SdcCorpus.answers(stored, linkId)).as("dropped " + linkId)
					.hasSize(expect.path("answers").path(linkId).size());
			}
			return;
		}
		String type = expect.get("type").asString();
		assertThat(body.get("type").asString()).as(result.getResponseBody()).isEqualTo("urn:heima:problem:" + type);
		assertThat(result.getStatus().value()).isEqualTo("invalid-response".equals(type) ? 400 : 422);
		if (!"invalid-response".equals(type)) {
			JsonNode first = body.get("answers").get(0);
			assertThat(first.get("linkId").asString()).isEqualTo(expect.get("linkId").asString());
			if (expect.has("text")) {
				assertThat(first.get("text").asString()).isEqualTo(expect.get("text").asString());
			}
			if (expect.has("limit")) {
				assertThat(first.get("limit").asString()).isEqualTo(expect.get("limit").asString());
			}
		}
		assertThat(counts()).as("nothing stored on refusal").isEqualTo(before);
	}

	private EntityExchangeResult<String> submit(SdcCorpus.Case c) {
		String activity = this.activityOf.get(c.form());
		String body = "{\"carePlanId\": \"" + this.carePlanId + "\", \"activityId\": \"" + activity + "\", \"date\": \""
				+ this.today + "\", \"questionnaireResponse\": " + c.responseJson() + "}";
		var request = as("pasient1").post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON);
		if (c.language() != null) {
			request = request.header("Accept-Language", c.language());
		}
		return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private QuestionnaireResponse storedResource(String id) {
		String json = this.db.sql("select resource::text as r from questionnaire_response where id = :id")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get("r", String.class))
			.one()
			.block();
		return ca.uhn.fhir.context.FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, json);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		for (String table : List.of("questionnaire_response", "fhir_outbox", "worklist_item", "task_completion",
				"response_draft")) {
			counts.put(table,
					this.db.sql("select count(*) as n from " + table)
						.map((row) -> row.get("n", Long.class))
						.one()
						.block());
		}
		return counts;
	}

}
