package no.heima.jpafhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the JPA server on the test PostgreSQL (database {@code heima_jpa_test}, kept
 * between runs; every test uses fresh identifiers) and checks the behaviour write-back
 * meets on a hospital's server: what Heima's start-up probe reads, a transaction with
 * conditional creates and a conditional update (Flag PUT), a bundle refused whole over
 * one missing patient, and the 60 s search cache that {@code Cache-Control: no-cache}
 * bypasses. Only built with {@code -Pjpa-fhir}; needs PostgreSQL on 127.0.0.1:5432 (or
 * {@code -Djpa-fhir.db-url}).
 */
class JpaFhirServerTest {

	private static final String PATIENTS = "urn:oid:2.16.578.1.12.4.1.4.1";

	private static final String MEASUREMENTS = "https://heima.example/fhir/id/measurement";

	private static final String FLAGS = "https://heima.example/fhir/id/flag";

	private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static JpaFhirServer server;

	@BeforeAll
	static void start() throws Exception {
		JpaFhirSettings defaults = JpaFhirSettings.fromSystemProperties();
		String url = System.getProperty("jpa-fhir.test-db-url", "jdbc:postgresql://127.0.0.1:5432/heima_jpa_test");
		server = JpaFhirServer.start(defaults.with(0, url));
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void capabilityStatementIsWhatHeimasProbeReads() throws Exception {
		HttpResponse<String> response = get("/metadata", false);
		assertEquals(200, response.statusCode());
		CapabilityStatement statement = JSON.parseResource(CapabilityStatement.class, response.body());
		// FhirServer.check(): READY when the fhirVersion is 4.0.x
		assertEquals("4.0.1", statement.getFhirVersion().toCode());
		assertTrue(statement.getRestFirstRep()
			.getInteraction()
			.stream()
			.anyMatch((i) -> i.getCode() == CapabilityStatement.SystemRestfulInteraction.TRANSACTION));
		assertTrue(resource(statement, "Observation").getConditionalCreate());
		assertTrue(resource(statement, "Patient").getConditionalCreate());
		assertTrue(resource(statement, "Flag").getConditionalUpdate());
		assertTrue(resource(statement, "Patient").getSearchParam()
			.stream()
			.anyMatch((p) -> p.getName().equals("identifier")));
	}

	@Test
	void transactionWithConditionalCreatesAndAFlagPutIsAppliedOnce() throws Exception {
		String nin = unique();
		String measurement = unique();
		String flag = unique();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(PATIENTS).setValue(nin);
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(patient)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Patient")
			.setIfNoneExist("identifier=" + PATIENTS + "|" + nin);
		String patientRef = bundle.getEntryFirstRep().getFullUrl();
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(observation(measurement, patientRef))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Observation")
			.setIfNoneExist("identifier=" + MEASUREMENTS + "|" + measurement);
		Flag alert = new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(new Reference(patientRef));
		alert.addIdentifier().setSystem(FLAGS).setValue(flag);
		alert.getCode().setText("Red blood pressure");
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(alert)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.PUT)
			.setUrl("Flag?identifier=" + FLAGS + "|" + flag);

		Bundle first = transaction(bundle);
		assertEquals(List.of("201 Created", "201 Created", "201 Created"), statuses(first));

		// the same bundle again (a retried delivery): the conditional creates find what
		// is
		// there, the Flag PUT updates it; nothing is stored twice
		alert.setStatus(Flag.FlagStatus.INACTIVE);
		Bundle second = transaction(bundle);
		assertEquals(List.of("200 OK", "200 OK", "200 OK"), statuses(second));
		assertEquals(1, search("/Observation?identifier=" + MEASUREMENTS + "|" + measurement, true).getEntry().size());
		Bundle flags = search("/Flag?identifier=" + FLAGS + "|" + flag, true);
		assertEquals(1, flags.getEntry().size());
		assertEquals(Flag.FlagStatus.INACTIVE, ((Flag) flags.getEntryFirstRep().getResource()).getStatus());
		String patientId = first.getEntryFirstRep().getResponse().getLocation().split("/_history")[0];
		assertEquals(patientId, second.getEntryFirstRep().getResponse().getLocation().split("/_history")[0]);
	}

	@Test
	void oneMissingPatientRefusesTheWholeBundle() throws Exception {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(PATIENTS).setValue(unique());
		String known = location(post("/Patient", JSON.encodeResourceToString(patient), null));
		String good = unique();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(observation(good, known))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Observation")
			.setIfNoneExist("identifier=" + MEASUREMENTS + "|" + good);
		String orphan = unique();
		bundle.addEntry()
			.setFullUrl("urn:uuid:" + UUID.randomUUID())
			.setResource(observation(orphan, "Patient/" + unique()))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Observation")
			.setIfNoneExist("identifier=" + MEASUREMENTS + "|" + orphan);

		HttpResponse<String> response = post("", JSON.encodeResourceToString(bundle), null);
		assertEquals(400, response.statusCode(), response.body());
		OperationOutcome outcome = JSON.parseResource(OperationOutcome.class, response.body());
		assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains("not found"),
				outcome.getIssueFirstRep().getDiagnostics());
		// the good entry went down with it
		assertEquals(0, search("/Observation?identifier=" + MEASUREMENTS + "|" + good, true).getEntry().size());
	}

	@Test
	void searchesAreCachedForAMinuteUnlessTheRequestSaysNoCache() throws Exception {
		String nin = unique();
		String query = "/Patient?identifier=" + URLEncoder.encode(PATIENTS + "|" + nin, StandardCharsets.UTF_8);
		assertEquals(0, search(query, false).getEntry().size());

		Patient patient = new Patient();
		patient.addIdentifier().setSystem(PATIENTS).setValue(nin);
		assertEquals(201, post("/Patient", JSON.encodeResourceToString(patient), null).statusCode());

		// the same search within 60 s is answered from the cached (empty) result
		assertEquals(0, search(query, false).getEntry().size());
		// what FhirServer.findPatient sends: the patient registered seconds ago is found
		assertEquals(1, search(query, true).getEntry().size());
	}

	private static CapabilityStatementRestResourceComponent resource(CapabilityStatement statement, String type) {
		return statement.getRestFirstRep()
			.getResource()
			.stream()
			.filter((r) -> r.getType().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " in the CapabilityStatement"));
	}

	/** The shape of Heima's blood-pressure panel (ObservationMapper). */
	private static Observation observation(String identifier, String subject) {
		Observation o = new Observation();
		o.addIdentifier().setSystem(MEASUREMENTS).setValue(identifier);
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("85354-9");
		o.setSubject(new Reference(subject));
		o.addComponent()
			.setValue(new org.hl7.fhir.r4.model.Quantity(142).setUnit("mm[Hg]"))
			.getCode()
			.addCoding()
			.setSystem("http://loinc.org")
			.setCode("8480-6");
		return o;
	}

	private static String unique() {
		return UUID.randomUUID().toString();
	}

	private static List<String> statuses(Bundle response) {
		return response.getEntry().stream().map((e) -> e.getResponse().getStatus()).toList();
	}

	private static Bundle transaction(Bundle bundle) throws Exception {
		HttpResponse<String> response = post("", JSON.encodeResourceToString(bundle), null);
		assertEquals(200, response.statusCode(), response.body());
		return JSON.parseResource(Bundle.class, response.body());
	}

	private static Bundle search(String path, boolean noCache) throws Exception {
		HttpResponse<String> response = get(path, noCache);
		assertEquals(200, response.statusCode(), response.body());
		return JSON.parseResource(Bundle.class, response.body());
	}

	private static String location(HttpResponse<String> created) {
		assertEquals(201, created.statusCode(), created.body());
		Resource resource = (Resource) JSON.parseResource(created.body());
		return resource.getIdElement().toUnqualifiedVersionless().getValue();
	}

	private static HttpResponse<String> get(String path, boolean noCache) throws Exception {
		// token parameters (system|value) as a client sends them, the bar escaped
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path.replace("|", "%7C")))
			.header("Accept", "application/fhir+json");
		if (noCache) {
			request.header("Cache-Control", "no-cache");
		}
		return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String path, String body, String ifNoneExist) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.header("Accept", "application/fhir+json")
			.header("Content-Type", "application/fhir+json")
			.header("Prefer", "return=representation");
		if (ifNoneExist != null) {
			request.header("If-None-Exist", ifNoneExist);
		}
		return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
