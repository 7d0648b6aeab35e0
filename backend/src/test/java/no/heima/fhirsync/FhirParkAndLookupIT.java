package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.TestIdp;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Write-back against a FHIR server that does not know the patient (as a hospital server
 * that owns its patients would refuse): the row parks with its reason, admins see it and
 * the metrics count it, and once the patient exists an admin's retry delivers it. Also
 * the patient lookup: found, not found, server down.
 */
class FhirParkAndLookupIT {

	private static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";

	private static LocalFhirServer fhir;

	private static ConfigurableApplicationContext heima;

	private static IGenericClient fhirClient;

	@BeforeAll
	static void start() {
		fhir = LocalFhirServer.start(0);
		heima = HeimaInstance.start(Map.of("heima.fhir.base-url", fhir.baseUrl(), "heima.fhir.sync.poll-interval",
				"200ms", "heima.fhir.sync.backoff-base", "200ms", "heima.fhir.sync.create-missing-patients", "false",
				// parks a missing patient at once (FailureClassesTest covers the grace)
				"heima.fhir.sync.missing-patient-grace", "0s", "heima.fhir.sync.probe-interval", "200ms"));
		var context = FhirJson.context();
		context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhirClient = context.newRestfulGenericClient(fhir.baseUrl());
	}

	@AfterAll
	static void stop() {
		// what this test parked on purpose (and other classes' rows parked meanwhile) go
		// back in line
		heima.getBean(DatabaseClient.class)
			.sql("update fhir_outbox set status = 'PENDING', next_attempt_at = now() where status = 'PARKED'")
			.then()
			.block();
		heima.close();
		fhir.close();
	}

	@Test
	void aMissingPatientParksTheRowUntilAnAdminRetriesAfterTheFix() {
		String patientNumber = "01818840019";
		String id = UUID.randomUUID().toString();
		heima.getBean(FhirOutbox.class).enqueue(observation(id, patientNumber)).block();

		Map<?, ?> parked = awaitRow(id, "PARKED");
		assertThat((String) parked.get("lastError")).contains("no Patient");
		admin().get()
			.uri("/api/admin/fhir-outbox/stats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.parked")
			.value((Integer n) -> assertThat(n).isPositive());
		String metrics = WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(heima))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBearerAuth(TestIdp.accessToken("admin")))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("heima_fhir_outbox_parked").contains("heima_fhir_outbox_pending");
		as("sykepleier1").get().uri("/api/admin/fhir-outbox").exchange().expectStatus().isForbidden();

		// someone registers the patient on the FHIR server, then an admin retries the row
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(FNR).setValue(patientNumber);
		patient.addName().setFamily("Parkert").addGiven("Test");
		fhirClient.create().resource(patient).execute();
		admin().post().uri("/api/admin/fhir-outbox/" + parked.get("id") + "/retry").exchange().expectStatus().isOk();

		awaitGone(id);
		List<Observation> delivered = fhirClient.search()
			.forResource(Observation.class)
			.where(Observation.IDENTIFIER.exactly().systemAndCode("https://heima.example/fhir/id/test", id))
			.returnBundle(org.hl7.fhir.r4.model.Bundle.class)
			.execute()
			.getEntry()
			.stream()
			.map((e) -> (Observation) e.getResource())
			.toList();
		assertThat(delivered).singleElement()
			.satisfies((o) -> assertThat(o.getSubject().getReference()).startsWith("Patient/"));
	}

	@Test
	void adminsRetryParkedRowsInBulkByReasonAndByPatient() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		heima.getBean(FhirOutbox.class).enqueue(observation(first, "02818840024")).block();
		heima.getBean(FhirOutbox.class).enqueue(observation(second, "03818840012")).block();
		awaitRow(first, "PARKED");
		awaitRow(second, "PARKED");
		registerOnServer("02818840024");
		registerOnServer("03818840012");

		admin().post()
			.uri("/api/admin/fhir-outbox/retry?patient=02818840024")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.released")
			.isEqualTo(1);
		awaitGone(first);
		admin().post()
			.uri("/api/admin/fhir-outbox/retry?reason=no Patient")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.released")
			.value((Integer n) -> assertThat(n).isPositive());
		awaitGone(second);
		as("sykepleier1").post().uri("/api/admin/fhir-outbox/retry").exchange().expectStatus().isForbidden();
	}

	@Test
	void aProbeReleasesWaitingRowsAsSoonAsTheServerIsBack() {
		registerOnServer("04818840000");
		// the worker checks the server at start-up: when this test runs first, that check
		// may still be under way
		awaitServerState("READY");
		String id = UUID.randomUUID().toString();
		DatabaseClient db = heima.getBean(DatabaseClient.class);
		fhir.stop();
		try {
			heima.getBean(FhirOutbox.class).enqueue(observation(id, "04818840000")).block();
			// The worker learns of the outage from a failed round: this row's first
			// attempt,
			// or another row's when one ran first (then this one waits without an
			// attempt).
			// Either way the server is then UNAVAILABLE and rows wait for the probe.
			awaitServerState("UNAVAILABLE");
			// as after a long outage: a backoff that alone would keep the row for an hour
			db.sql("update fhir_outbox set next_attempt_at = now() + interval '1 hour' where identifier_value = :v")
				.bind("v", id)
				.then()
				.block();
		}
		finally {
			fhir.start();
		}
		awaitGone(id);
		awaitServerState("READY");
	}

	private static void awaitServerState(String state) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.untilAsserted(() -> admin().get()
				.uri("/api/admin/fhir-outbox/server")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.state")
				.isEqualTo(state));
	}

	@Test
	void aWrongBaseUrlIsAConfigurationErrorNotAnOutage() {
		FhirServerProperties good = heima.getBean(FhirServerProperties.class);
		String withoutFhir = fhir.baseUrl().replaceAll("/fhir/?$", "");
		FhirServer wrong = new FhirServer(new FhirServerProperties(withoutFhir, good.sync(), good.auth()),
				heima.getBean(FhirAuth.class));
		assertThat(wrong.check().getKey()).isEqualTo(FhirServerHealth.State.MISCONFIGURED);
		assertThat(heima.getBean(FhirServer.class).check().getKey()).isEqualTo(FhirServerHealth.State.READY);
	}

	private static void registerOnServer(String patientNumber) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(FNR).setValue(patientNumber);
		patient.addName().setFamily("Heler").addGiven("Test");
		fhirClient.create().resource(patient).execute();
	}

	@Test
	void patientLookupFoundNotFoundAndServerDown() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(FNR).setValue("05838540092");
		patient.addName().setFamily("Oppslag").addGiven("Olga");
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patient.setBirthDate(java.sql.Date.valueOf("1985-03-05"));
		fhirClient.create().resource(patient).execute();

		as("sykepleier1").get()
			.uri("/api/fhir/patients?identifier=05838540092")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.found")
			.isEqualTo(true)
			.jsonPath("$.familyName")
			.isEqualTo("Oppslag")
			.jsonPath("$.birthDate")
			.isEqualTo("1985-03-05");
		as("sykepleier1").get()
			.uri("/api/fhir/patients?identifier=01819040180")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.found")
			.isEqualTo(false);
		as("sykepleier1").get()
			.uri("/api/fhir/patients?identifier=01819040181")
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("pasient1").get().uri("/api/fhir/patients?identifier=05838540092").exchange().expectStatus().isForbidden();

		fhir.stop();
		try {
			as("sykepleier1").get()
				.uri("/api/fhir/patients?identifier=05838540092")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:heima:problem:fhir-unavailable");
		}
		finally {
			fhir.start();
		}
	}

	private static FhirOutboxMessage observation(String id, String patientNumber) {
		Observation o = new Observation();
		o.addIdentifier().setSystem("https://heima.example/fhir/id/test").setValue(id);
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
		o.setSubject(new Reference()
			.setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(FNR).setValue(patientNumber)));
		return new FhirOutboxMessage("Observation", "https://heima.example/fhir/id/test", id, FhirJson.write(o), FNR,
				patientNumber, "Test", "Parkert", null);
	}

	private static Map<?, ?> awaitRow(String identifierValue, String status) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			List<?> rows = admin().get()
				.uri("/api/admin/fhir-outbox?status=" + status + "&size=200")
				.exchange()
				.expectBody(List.class)
				.returnResult()
				.getResponseBody();
			for (Object row : rows) {
				if (((String) ((Map<?, ?>) row).get("identifier")).endsWith("|" + identifierValue)) {
					return (Map<?, ?>) row;
				}
			}
			sleep();
		}
		throw new AssertionError("No " + status + " row for " + identifierValue);
	}

	private static void awaitGone(String identifierValue) {
		DatabaseClient db = heima.getBean(DatabaseClient.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			long left = db.sql("select count(*) from fhir_outbox where identifier_value = :v")
				.bind("v", identifierValue)
				.map((row) -> row.get(0, Long.class))
				.one()
				.block();
			if (left == 0) {
				return;
			}
			sleep();
		}
		throw new AssertionError("Row " + identifierValue + " was not delivered");
	}

	private static WebTestClient admin() {
		return as("admin");
	}

	private static WebTestClient as(String user) {
		return WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(heima))
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken(user)))
			.build();
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
