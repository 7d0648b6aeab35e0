package no.heima.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ingest at a fixed number of concurrent patients ({@code load.users}), each submitting
 * back to back as a device would (closed model): blood pressure (60 %, about a fifth of it
 * yellow or red, so worklist items and flags are raised), weight (25 %) and temperature
 * (15 %), every one with its own Idempotency-Key. Meanwhile {@code load.nurses} nurses
 * page the worklist once a second. The report shows throughput, and p50-p99 per request
 * name.
 */
public class IngestSimulation extends Simulation {

	private final LoadConfig config = LoadConfig.fromSystemProperties();

	private final Population population = new Population(this.config);

	private final HttpProtocolBuilder protocol = http.baseUrl(this.config.baseUrl())
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	private static final String VALUES = "\"carePlanId\":\"#{carePlanId}\",\"measuredAt\":\"#{at}\",\"values\":";

	private final ChainBuilder submit = exec((session) -> session.set("key", UUID.randomUUID().toString())
		.set("at", Instant.now().toString())
		.set("systolic", ThreadLocalRandom.current().nextInt(110, 195))
		.set("temp", 36.5 + ThreadLocalRandom.current().nextInt(0, 30) / 10.0))
		.exec(randomSwitch().on(percent(60.0).then(measurement("blood pressure",
				"{\"vital\":\"BLOOD_PRESSURE\",\"activityId\":\"bp\"," + VALUES
						+ "[{\"code\":\"8480-6\",\"value\":#{systolic},\"unit\":\"mm[Hg]\"},"
						+ "{\"code\":\"8462-4\",\"value\":80,\"unit\":\"mm[Hg]\"}]}")),
				percent(25.0).then(measurement("weight", "{\"vital\":\"BODY_WEIGHT\",\"activityId\":\"weight\","
						+ VALUES + "[{\"code\":\"29463-7\",\"value\":82.4,\"unit\":\"kg\"}]}")),
				percent(15.0).then(measurement("temperature",
						"{\"vital\":\"BODY_TEMPERATURE\",\"activityId\":\"temperature\"," + VALUES
								+ "[{\"code\":\"8310-5\",\"value\":#{temp},\"unit\":\"Cel\"}]}"))));

	{
		ScenarioBuilder ingest = scenario("ingest").feed(listFeeder(this.population.patients()).circular())
			.forever()
			.on(this.submit);
		String nurse = this.population.nurseToken();
		ScenarioBuilder worklist = scenario("worklist").forever()
			.on(exec(http("worklist page").get("/api/worklist?page=0&size=50")
				.header("Authorization", "Bearer " + nurse)
				.check(status().is(200))).pause(Duration.ofSeconds(1)));
		setUp(ingest.injectClosed(constantConcurrentUsers(this.config.users()).during(this.config.duration())),
				worklist.injectClosed(constantConcurrentUsers(this.config.nurses()).during(this.config.duration())))
			.protocols(this.protocol)
			.maxDuration(this.config.duration())
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private static ChainBuilder measurement(String name, String body) {
		return exec(http(name).post("/api/me/measurements")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{key}")
			.body(StringBody(body))
			.check(status().is(201)));
	}

}
