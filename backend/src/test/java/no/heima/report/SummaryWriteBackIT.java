package no.heima.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import no.heima.fhirsync.FhirOutbox;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.TestIdp;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Summaries written back as DocumentReferences, with write-back switched on, against the
 * in-test HAPI FHIR server: the same summary made twice is one document, another language
 * is another; each carries the PDF, its type, subject and period; and delivering a
 * document again (as after a crash between delivery and bookkeeping) makes no second
 * copy.
 */
class SummaryWriteBackIT {

	private static final String FNR = "16816240194";

	private static LocalFhirServer fhir;

	private static ConfigurableApplicationContext heima;

	private static IGenericClient fhirClient;

	@BeforeAll
	static void start() {
		fhir = LocalFhirServer.start(0);
		heima = HeimaInstance.start(Map.of("heima.fhir.base-url", fhir.baseUrl(), "heima.fhir.sync.poll-interval",
				"200ms", "heima.fhir.sync.create-missing-patients", "true", "heima.report.write-back", "true"));
		var context = FhirJson.context();
		context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhirClient = context.newRestfulGenericClient(fhir.baseUrl());
	}

	@AfterAll
	static void stop() {
		heima.close();
		fhir.close();
	}

	@Test
	void eachSummaryReachesTheRecordOnce() {
		String patient = (String) as("sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", FNR, "givenName", "Dokument", "familyName", "Tilbakeskriving"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
		String period = "from=" + today.minusDays(7) + "&to=" + today;
		byte[] nb = pdf(patient, period + "&lang=nb");
		pdf(patient, period + "&lang=nb");
		pdf(patient, period + "&lang=en");

		List<DocumentReference> documents = awaitDocuments(2);
		DocumentReference first = documents.stream()
			.filter((d) -> "nb".equals(d.getContentFirstRep().getAttachment().getLanguage()))
			.findFirst()
			.orElseThrow();
		var attachment = first.getContentFirstRep().getAttachment();
		assertThat(attachment.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(attachment.getData(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(attachment.getSize()).isEqualTo(attachment.getData().length);
		// the same summary as the nurse downloaded (but for the moment it was made at)
		assertThat(attachment.getData().length).isBetween(nb.length / 2, nb.length * 2);
		assertThat(first.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
		assertThat(first.getType().getCodingFirstRep().getCode()).isEqualTo("34133-9");
		assertThat(first.getSubject().getReference()).startsWith("Patient/");
		assertThat(first.getSubject().getIdentifier().getValue()).isEqualTo(FNR);
		assertThat(first.getContext().getPeriod().getStart()).isNotNull();
		assertThat(first.getContext().getPeriod().getEnd()).isAfter(first.getContext().getPeriod().getStart());
		assertThat(first.getDate()).isNotNull();

		// delivered again: the conditional create on its identifier finds it
		first.setId((String) null);
		heima.getBean(FhirOutbox.class)
			.enqueue(new FhirOutboxMessage("DocumentReference", first.getMasterIdentifier().getSystem(),
					first.getMasterIdentifier().getValue(), FhirJson.write(first), "urn:oid:2.16.578.1.12.4.1.4.1", FNR,
					"Dokument", "Tilbakeskriving", null))
			.block();
		awaitOutboxEmpty();
		assertThat(documents()).hasSize(2);
	}

	private static byte[] pdf(String patient, String query) {
		return as("sykepleier1").get()
			.uri("/api/patients/" + patient + "/summary.pdf?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static List<DocumentReference> awaitDocuments(int count) {
		awaitOutboxEmpty();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> documents().size() >= count);
		List<DocumentReference> found = documents();
		assertThat(found).hasSize(count);
		return found;
	}

	private static void awaitOutboxEmpty() {
		DatabaseClient db = heima.getBean(DatabaseClient.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> db.sql("select count(*) from fhir_outbox where resource_type = 'DocumentReference'")
				.map((row) -> row.get(0, Long.class))
				.one()
				.block() == 0);
	}

	private static List<DocumentReference> documents() {
		return fhirClient.search()
			.forResource(DocumentReference.class)
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()
			.stream()
			.map((e) -> (DocumentReference) e.getResource())
			.filter((d) -> FNR.equals(d.getSubject().getIdentifier().getValue()))
			.toList();
	}

	private static WebTestClient as(String user) {
		return WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(heima))
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken(user)))
			.build();
	}

}
