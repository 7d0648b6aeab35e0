package no.heima.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer figure of issue 13: a FHIR server taking the blood-pressure Observations Heima
 * writes back, directly, at {@code load.users} concurrent clients posting back to back
 * (closed model, as {@link IngestSimulation}). Each request is what Heima's single
 * delivery sends for one blood-pressure submission: the vital-signs {@code bp} panel
 * (85354-9 with systolic and diastolic components, category, interpretation, effective
 * and issued times, Heima's measurement identifier) with its subject pointing at the
 * server's Patient by id and identifier, created conditionally on the identifier
 * ({@code If-None-Exist}; {@code -Dpeer.conditional=false} posts plainly). Set-up creates
 * {@code load.patients} Patients (conditionally, so a later run finds them again).
 * Results are in the Gatling group {@code observation}.
 *
 * <pre>
 * ./mvnw -B -Pload -pl deploy/load verify -Dload.simulation=no.heima.load.PeerObservationSimulation \
 *   -Dpeer.base-url=http://127.0.0.1:18470/fhir -Dload.users=8 -Dload.seconds=60
 * </pre>
 */
public class PeerObservationSimulation extends Simulation {

	static final String PATIENT_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1";

	static final String MEASUREMENT_SYSTEM = "https://heima.example/fhir/id/measurement";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl = strip(System.getProperty("peer.base-url", "http://127.0.0.1:18470/fhir"));

	private final boolean conditional = Boolean.parseBoolean(System.getProperty("peer.conditional", "true"));

	private final int users = Integer.getInteger("load.users", 8);

	private final int patients = Integer.getInteger("load.patients", 50);

	private final Duration duration = Duration.ofSeconds(Long.getLong("load.seconds", 60));

	private final HttpProtocolBuilder protocol = http.baseUrl(this.baseUrl)
		.acceptHeader("application/fhir+json")
		.contentTypeHeader("application/fhir+json")
		.shareConnections();

	{
		List<Map<String, Object>> feed = new ArrayList<>();
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 1; i <= this.patients; i++) {
			String value = "load-peer-" + i;
			feed.add(Map.of("patientId", patient(client, value), "patientValue", value));
		}
		ChainBuilder post = exec((session) -> session.set("identifier", UUID.randomUUID().toString())
			.set("at", Instant.now().toString())
			.set("systolic", ThreadLocalRandom.current().nextInt(110, 195)))
			.exec(group("observation").on(exec(conditionalHeader(
					http("blood pressure Observation").post("/Observation").body(StringBody(OBSERVATION)))
				.check(status().is(201)))));
		ScenarioBuilder peer = scenario("peer").feed(listFeeder(feed).circular()).forever().on(post);
		setUp(peer.injectClosed(constantConcurrentUsers(this.users).during(this.duration))).protocols(this.protocol)
			.maxDuration(this.duration)
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private io.gatling.javaapi.http.HttpRequestActionBuilder conditionalHeader(
			io.gatling.javaapi.http.HttpRequestActionBuilder request) {
		return this.conditional ? request.header("If-None-Exist", "identifier=" + MEASUREMENT_SYSTEM + "|#{identifier}")
				: request;
	}

	/**
	 * The shape of {@code ObservationMapper}'s blood-pressure panel after
	 * {@code FhirServer.withSubject} (Gatling EL fills the per-request parts).
	 */
	static final String OBSERVATION = """
			{"resourceType":"Observation",
			 "meta":{"profile":["http://hl7.org/fhir/StructureDefinition/bp"]},
			 "identifier":[{"system":"%s","value":"#{identifier}"}],
			 "status":"final",
			 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs","display":"Vital Signs"}]}],
			 "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel with all children optional"}]},
			 "subject":{"reference":"Patient/#{patientId}","identifier":{"system":"%s","value":"#{patientValue}"}},
			 "effectiveDateTime":"#{at}",
			 "issued":"#{at}",
			 "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N","display":"Normal"}]}],
			 "component":[
			  {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6","display":"Systolic blood pressure"}]},
			   "valueQuantity":{"value":#{systolic},"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
			  {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4","display":"Diastolic blood pressure"}]},
			   "valueQuantity":{"value":80,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
			"""
		.formatted(MEASUREMENT_SYSTEM, PATIENT_SYSTEM);

	/** The server's id of a load Patient, created on first use (conditionally). */
	private String patient(HttpClient client, String value) {
		String body = """
				{"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],
				 "name":[{"family":"Peer","given":["Load"]}]}""".formatted(PATIENT_SYSTEM, value);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.header("If-None-Exist", "identifier=" + PATIENT_SYSTEM + "|" + value)
			.header("Prefer", "return=representation")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						"Patient " + value + ": " + response.statusCode() + " " + response.body());
			}
			JsonNode created = JSON.readTree(response.body());
			return created.get("id").asString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Patient " + value + " at " + this.baseUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
