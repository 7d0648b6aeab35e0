package no.heima.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert latency: a nurse keeps the worklist's live stream open ({@code GET
 * /api/worklist/stream}, server-sent events) while a patient of the nurse's team submits a
 * red blood pressure about once a second; the latency is the time from the submission's
 * 2xx to the event carrying its item (the item's {@code sourceKey} is the measurement's
 * id) on the open stream. Gatling has no custom metrics, so the latencies are collected
 * here and printed as one {@code ALERT-LATENCY} line when the run ends.
 */
final class AlertLatency {

	private static final List<Long> LATENCIES = Collections.synchronizedList(new ArrayList<>());

	private static final long GIVE_UP_MILLIS = 10_000;

	private AlertLatency() {
	}

	static ScenarioBuilder nurseAndPatient(String nurseToken, Map<String, Object> patient) {
		ChainBuilder submitRed = exec((session) -> session.set("key", UUID.randomUUID().toString())
			.set("at", Instant.now().toString())
			.set("seen", false)
			.set("latencies", List.of()))
			.exec(http("red blood pressure (alert)").post("/api/me/measurements")
				.header("Authorization", "Bearer " + patient.get("token"))
				.header("Idempotency-Key", "#{key}")
				.body(StringBody("{\"vital\":\"BLOOD_PRESSURE\",\"activityId\":\"bp\",\"carePlanId\":\""
						+ patient.get("carePlanId") + "\",\"measuredAt\":\"#{at}\",\"values\":["
						+ "{\"code\":\"8480-6\",\"value\":205,\"unit\":\"mm[Hg]\"},"
						+ "{\"code\":\"8462-4\",\"value\":95,\"unit\":\"mm[Hg]\"}]}"))
				.check(status().is(201), jsonPath("$.id").saveAs("measurementId")))
			.exec((session) -> session.set("answeredAt", System.currentTimeMillis()))
			.exec(asLongAs((session) -> !session.getBoolean("seen")
					&& System.currentTimeMillis() - session.getLong("answeredAt") < GIVE_UP_MILLIS)
				.on(exec(sse.processUnmatchedMessages("worklist", AlertLatency::look)).pause(Duration.ofMillis(5))))
			.exec((session) -> session.getBoolean("seen") ? session : session.markAsFailed())
			.pause(Duration.ofSeconds(1));
		return scenario("alert latency")
			.exec(sse("worklist stream").sseName("worklist")
				.get("/api/worklist/stream")
				.header("Authorization", "Bearer " + nurseToken)
				.header("Accept", "text/event-stream"))
			.forever()
			.on(submitRed);
	}

	private static Session look(List<SseInboundMessage> messages, Session session) {
		if (session.getBoolean("seen") || !session.contains("measurementId")) {
			return session;
		}
		String id = session.getString("measurementId");
		for (SseInboundMessage message : messages) {
			if (message.message().contains(id)) {
				LATENCIES.add(message.timestamp() - session.getLong("answeredAt"));
				return session.set("seen", true);
			}
		}
		return session;
	}

	/** Percentiles of what was seen. */
	static void report() {
		List<Long> sorted;
		synchronized (LATENCIES) {
			sorted = new ArrayList<>(LATENCIES);
		}
		if (sorted.isEmpty()) {
			return;
		}
		Collections.sort(sorted);
		String line = String.format(
				"ALERT-LATENCY %d red submissions: 2xx to item on the open stream p50 %d ms, p95 %d ms, p99 %d ms,"
						+ " max %d ms",
				sorted.size(), pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1));
		System.out.println(line);
	}

	private static long pct(List<Long> sorted, double p) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}

}
