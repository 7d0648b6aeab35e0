package no.heima.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ingest at a fixed number of concurrent patients ({@code load.users}), each submitting
 * back to back as a device would (closed model): blood pressure (50 %, about a fifth of it
 * yellow or red, so worklist items and flags are raised), weight (20 %), temperature
 * (15 %) and a PHQ-9 questionnaire response (15 %, scored and triaged by the server; off
 * with {@code load.questionnaires=false}, then blood pressure takes its share), every one
 * with its own Idempotency-Key. Meanwhile {@code load.nurses} nurses page the worklist
 * once a second and {@code load.alerts} nurses keep the live worklist stream open while a
 * patient of theirs submits a red value once a second ({@link AlertLatency}). The report
 * shows throughput, and p50-p99 per request name; the group {@code submission} holds all
 * ingest requests together.
 */
public class IngestSimulation extends Simulation {

	private final LoadConfig config = LoadConfig.fromSystemProperties();

	private final Population population = new Population(this.config);

	private final HttpProtocolBuilder protocol = http.baseUrl(this.config.baseUrl())
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		// the alert scenario reads the live stream's events itself (AlertLatency)
		.sseUnmatchedInboundMessageBufferSize(10_000)
		.shareConnections();

	private static final String VALUES = "\"carePlanId\":\"#{carePlanId}\",\"measuredAt\":\"#{at}\",\"values\":";

	private final ChainBuilder submit = exec((session) -> session.set("key", UUID.randomUUID().toString())
		.set("at", Instant.now().toString())
		.set("today", LocalDate.now(ZoneId.of("Europe/Oslo")).toString())
		.set("systolic", ThreadLocalRandom.current().nextInt(110, 195))
		.set("temp", 36.5 + ThreadLocalRandom.current().nextInt(0, 30) / 10.0)
		.set("phq", Questionnaires.phq9(ThreadLocalRandom.current())))
		.exec(group("submission").on(randomSwitch().on(
				percent(this.config.questionnaires() ? 50.0 : 65.0).then(bloodPressure()),
				percent(20.0).then(measurement("weight", "{\"vital\":\"BODY_WEIGHT\",\"activityId\":\"weight\","
						+ VALUES + "[{\"code\":\"29463-7\",\"value\":82.4,\"unit\":\"kg\"}]}")),
				percent(15.0).then(measurement("temperature",
						"{\"vital\":\"BODY_TEMPERATURE\",\"activityId\":\"temperature\"," + VALUES
								+ "[{\"code\":\"8310-5\",\"value\":#{temp},\"unit\":\"Cel\"}]}")),
				percent(this.config.questionnaires() ? 15.0 : 0.0).then(response()))));

	{
		List<Map<String, Object>> patients = this.population.patients();
		boolean alerts = this.config.alerts() > 0 && patients.size() > 1;
		// the last patient submits the alert scenario's red values, the others the ingest
		List<Map<String, Object>> ingesting = alerts ? patients.subList(0, patients.size() - 1) : patients;
		ScenarioBuilder ingest = scenario("ingest").feed(listFeeder(ingesting).circular()).forever().on(this.submit);
		String nurse = this.population.nurseToken();
		ScenarioBuilder worklist = scenario("worklist").forever()
			.on(exec(http("worklist page").get("/api/worklist?page=0&size=50")
				.header("Authorization", "Bearer " + nurse)
				.check(status().is(200))).pause(Duration.ofSeconds(1)));
		List<PopulationBuilder> populations = new ArrayList<>();
		populations.add(
				ingest.injectClosed(constantConcurrentUsers(this.config.users()).during(this.config.duration())));
		if (this.config.nurses() > 0) {
			populations.add(worklist
				.injectClosed(constantConcurrentUsers(this.config.nurses()).during(this.config.duration())));
		}
		if (alerts) {
			populations.add(AlertLatency.nurseAndPatient(nurse, patients.get(patients.size() - 1))
				.injectClosed(constantConcurrentUsers(this.config.alerts()).during(this.config.duration())));
		}
		setUp(populations).protocols(this.protocol)
			.maxDuration(this.config.duration())
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	@Override
	public void after() {
		AlertLatency.report();
	}

	private static ChainBuilder bloodPressure() {
		return measurement("blood pressure", "{\"vital\":\"BLOOD_PRESSURE\",\"activityId\":\"bp\"," + VALUES
				+ "[{\"code\":\"8480-6\",\"value\":#{systolic},\"unit\":\"mm[Hg]\"},"
				+ "{\"code\":\"8462-4\",\"value\":80,\"unit\":\"mm[Hg]\"}]}");
	}

	private static ChainBuilder response() {
		return exec(http("questionnaire response (PHQ-9)").post("/api/me/responses")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{key}")
			.body(StringBody("{\"carePlanId\":\"#{carePlanId}\",\"activityId\":\"phq\",\"date\":\"#{today}\","
					+ "\"questionnaireResponse\":#{phq}}"))
			.check(status().is(201)));
	}

	private static ChainBuilder measurement(String name, String body) {
		return exec(http(name).post("/api/me/measurements")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{key}")
			.body(StringBody(body))
			.check(status().is(201)));
	}

}
