package no.heima.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A patient's conversation with the care team through the API: photos checked by their
 * bytes, a MESSAGE worklist item with its own deadline (one open at a time), the nurse
 * answering under their own name, read receipts both ways, and other teams kept out.
 */
class MessageApiIT extends IntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	static final byte[] HEIC = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1' };

	@Autowired
	DatabaseClient db;

	@Test
	void patientWritesWithAPhotoNurseAnswersBothSeeReceipts() {
		UUID patient = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		long messagesBefore = count("message");

		Map<?, ?> png = upload(PNG);
		assertThat(png.get("contentType")).isEqualTo("image/png");
		Map<?, ?> heic = upload(HEIC);
		assertThat(heic.get("contentType")).isEqualTo("image/heic");

		Instant before = Instant.now();
		Map<?, ?> sent = as("pasient1").post()
			.uri("/api/me/messages")
			.bodyValue(Map.of("text", "Såret ser rødt ut, se bildet", "photos", List.of(png.get("id"), heic.get("id"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(sent.get("authorKind")).isEqualTo("PATIENT");
		assertThat((List<?>) sent.get("photos")).hasSize(2);
		as("pasient1").post()
			.uri("/api/me/messages")
			.bodyValue(Map.of("text", "Og det klør."))
			.exchange()
			.expectStatus()
			.isCreated();

		// one open MESSAGE item for both, due four hours after it was raised
		List<Map<?, ?>> items = messageItems(patient);
		assertThat(items).hasSize(1);
		Map<?, ?> item = items.get(0);
		assertThat(item.get("level")).isEqualTo("MESSAGE");
		assertThat(item.get("summary").toString()).doesNotContain("Såret");
		// raised_at is the transaction's start, the deadline the clock's now a moment
		// later
		assertThat(Duration.between(Instant.parse((String) item.get("raisedAt")),
				Instant.parse((String) item.get("dueAt"))))
			.isBetween(Duration.ofHours(4), Duration.ofHours(4).plusSeconds(30));
		assertThat(Instant.parse((String) item.get("raisedAt"))).isAfter(before.minusSeconds(5));

		// another team sees nothing
		as("sykepleier2").get().uri("/api/patients/" + patient + "/messages").exchange().expectStatus().isNotFound();
		as("sykepleier2").get()
			.uri("/api/patients/" + patient + "/messages/photos/" + png.get("id"))
			.exchange()
			.expectStatus()
			.isNotFound();

		// the nurse reads, sees the photo's bytes as stored, and answers
		List<Map<?, ?>> conversation = conversation("sykepleier1", "/api/patients/" + patient + "/messages");
		Map<?, ?> first = find(conversation, sent.get("id"));
		String photoUrl = (String) ((Map<?, ?>) ((List<?>) first.get("photos")).get(0)).get("url");
		byte[] bytes = as("sykepleier1").get()
			.uri(photoUrl)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(Arrays.equals(bytes, PNG)).isTrue();
		as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/messages/read")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.read")
			.isEqualTo(2);
		Map<?, ?> answer = as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/messages")
			.bodyValue(Map.of("text", "Takk. Ring oss i dag, så ser vi på det."))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer.get("authorName")).isEqualTo("Nina Berg");

		// the patient sees that Nina read theirs, and her answer, unread until they read
		// it
		List<Map<?, ?>> own = conversation("pasient1", "/api/me/messages");
		assertThat(find(own, sent.get("id")).get("readByName")).isEqualTo("Nina Berg");
		assertThat(find(own, sent.get("id")).get("readAt")).isNotNull();
		assertThat(find(own, answer.get("id")).get("readAt")).isNull();
		as("pasient1").post().uri("/api/me/messages/read").exchange().expectStatus().isOk();
		List<Map<?, ?>> afterRead = conversation("sykepleier1", "/api/patients/" + patient + "/messages");
		assertThat(find(afterRead, answer.get("id")).get("readByName")).isEqualTo("Kari Nordvik");
		assertThat(count("message")).isEqualTo(messagesBefore + 3);
	}

	@Test
	void refusalsAreProblemsAndStoreNothing() {
		ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		long messages = count("message");
		long attachments = count("attachment");
		as("pasient1").post()
			.uri("/api/me/messages/photos")
			.bodyValue("%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:attachment-type");
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		as("pasient1").post()
			.uri("/api/me/messages/photos")
			.bodyValue(big)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:attachment-too-large");
		for (String text : List.of("<script>alert(1)</script>", "Se <img src=x onerror=alert(1)>",
				"[klikk](javascript:alert(1))", "x".repeat(2001), " ")) {
			as("pasient1").post()
				.uri("/api/me/messages")
				.bodyValue(Map.of("text", text))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		as("pasient1").post()
			.uri("/api/me/messages")
			.bodyValue(Map.of("text", "Hei", "photos", List.of(UUID.randomUUID())))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		assertThat(count("message")).isEqualTo(messages);
		assertThat(count("attachment")).isEqualTo(attachments);
		// plain text with comparison signs is fine
		assertThat(MessageText.problems("Trykket var < 140 og > 90", false, 2000)).isEmpty();
	}

	private Map<?, ?> upload(byte[] bytes) {
		return as("pasient1").post()
			.uri("/api/me/messages/photos")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(bytes)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<?, ?>> conversation(String user, String path) {
		return (List<Map<?, ?>>) (List<?>) as(user).get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<?, ?>> messageItems(UUID patient) {
		List<Map<?, ?>> all = (List<Map<?, ?>>) (List<?>) as("sykepleier1").get()
			.uri("/api/patients/" + patient + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody();
		return all.stream()
			.filter((i) -> "MESSAGE".equals(i.get("kind")) && !"RESOLVED".equals(i.get("status")))
			.toList();
	}

	private static Map<?, ?> find(List<Map<?, ?>> messages, Object id) {
		return messages.stream().filter((m) -> id.equals(m.get("id"))).findFirst().orElseThrow();
	}

	private long count(String table) {
		return this.db.sql("select count(*) as n from " + table)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
