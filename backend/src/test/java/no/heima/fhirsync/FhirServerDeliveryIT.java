package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery gateway against the in-test FHIR server, without the rest of Heima: what
 * reaches the server for a bundle (issue 13, "faults that heal").
 */
class FhirServerDeliveryIT {

	private static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";

	private static final String SYSTEM = "https://heima.example/fhir/id/delivery-it";

	private static LocalFhirServer fhir;

	/** Patient searches the server got: their Cache-Control header ("" when none). */
	private static final List<String> patientSearches = new CopyOnWriteArrayList<>();

	/** Every request (method and path), for a failure's message. */
	private static final List<String> requests = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() {
		fhir = LocalFhirServer.start(0);
		fhir.onRequest((request) -> {
			requests.add(request.getMethod() + " " + request.getRequestURI());
			if ("GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/Patient")) {
				String cacheControl = request.getHeader("Cache-Control");
				patientSearches.add((cacheControl != null) ? cacheControl : "");
			}
		});
	}

	@AfterAll
	static void stop() {
		fhir.close();
	}

	@BeforeEach
	void clearRecord() {
		patientSearches.clear();
		requests.clear();
	}

	@Test
	void aMissingPatientStaysOutOfTheBundleAndTheOtherEntriesArrive() {
		FhirServer server = server(Map.of());
		register("13818840011");
		OutboxRow known = row(1, "13818840011");
		OutboxRow unknown = row(2, "14818840086");

		List<Delivery> outcomes = server.deliverAsTransaction(List.of(known, unknown));

		assertThat(outcomes).hasSize(2);
		assertThat(outcome(outcomes, known).outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
		assertThat(outcome(outcomes, unknown).outcome()).isEqualTo(Delivery.Outcome.RETRY);
		assertThat(outcome(outcomes, unknown).detail()).contains("no Patient");
		assertThat(onServer(known)).isEqualTo(1);
		assertThat(onServer(unknown)).isZero();
	}

	@Test
	void patientLookupsBypassTheServersSearchCache() {
		FhirServer server = server(Map.of());
		register("15818840006");

		server.deliverAsTransaction(List.of(row(3, "15818840006")));

		assertThat(patientSearches).as("requests %s", requests)
			.isNotEmpty()
			.allMatch((header) -> header.contains("no-cache"));
	}

	@Test
	void aPatientIsLookedUpOnceForManyBundlesAndAgainWhenNotFound() {
		FhirServer server = server(Map.of());
		register("16818840066");
		for (int i = 0; i < 5; i++) {
			assertThat(server.deliverAsTransaction(List.of(row(10 + i, "16818840066"))))
				.allMatch((d) -> d.outcome() == Delivery.Outcome.DELIVERED);
		}
		assertThat(patientSearches).as("requests %s", requests).hasSize(1);

		// not found is not kept: once the hospital registers the patient, the next try
		// finds it
		OutboxRow early = row(20, "17818840061");
		assertThat(server.deliverAsTransaction(List.of(early)).get(0).outcome()).isEqualTo(Delivery.Outcome.RETRY);
		register("17818840061");
		assertThat(server.deliverAsTransaction(List.of(early)).get(0).outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
	}

	@Test
	void withoutAKeptIdEveryBundleLooksThePatientUp() {
		FhirServer server = server(Map.of("heima.fhir.sync.patient-cache-ttl", "0s"));
		register("18818840056");
		for (int i = 0; i < 3; i++) {
			server.deliverAsTransaction(List.of(row(30 + i, "18818840056")));
		}
		assertThat(patientSearches).as("requests %s", requests).hasSize(3);
	}

	private static Delivery outcome(List<Delivery> outcomes, OutboxRow row) {
		return outcomes.stream().filter((d) -> d.row().id() == row.id()).findFirst().orElseThrow();
	}

	private static FhirServer server(Map<String, String> more) {
		Map<String, String> settings = new java.util.HashMap<>(
				Map.of("heima.fhir.base-url", fhir.baseUrl(), "heima.fhir.sync.create-missing-patients", "false"));
		settings.putAll(more);
		FhirServerProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bind("heima.fhir", FhirServerProperties.class)
			.get();
		return new FhirServer(properties, new FhirAuth(properties, JsonMapper.builder().build()));
	}

	private static void register(String patientNumber) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(FNR).setValue(patientNumber);
		patient.addName().setFamily("Levering").addGiven("Test");
		var context = FhirJson.context();
		context.getRestfulClientFactory()
			.setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
		context.newRestfulGenericClient(fhir.baseUrl()).create().resource(patient).execute();
	}

	private static final String RUN = UUID.randomUUID().toString();

	private static OutboxRow row(long id, String patientNumber) {
		Observation o = new Observation();
		o.addIdentifier().setSystem(SYSTEM).setValue(RUN + "-" + id);
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
		o.setSubject(new Reference()
			.setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(FNR).setValue(patientNumber)));
		return new OutboxRow(id, "Observation", SYSTEM, RUN + "-" + id, FhirJson.write(o), FNR, patientNumber, "Test",
				"Levering", null, 1, Instant.now(), false);
	}

	private static int onServer(OutboxRow row) {
		return fhir.provider("Observation")
			.search(new ca.uhn.fhir.rest.param.TokenParam(SYSTEM, row.identifierValue()))
			.size();
	}

}
