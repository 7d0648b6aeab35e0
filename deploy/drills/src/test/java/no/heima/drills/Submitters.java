package no.heima.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Patients submitting blood pressure back to back, as the app does: each submission keeps
 * its Idempotency-Key and body until one replica answers 2xx, trying the other replica
 * after a refused connection, a timeout or a 5xx (a load balancer's retry). A submission
 * is accepted when it got its 2xx; the Location's id is what the drill then looks for in
 * the database and on the FHIR server.
 */
final class Submitters {

	/**
	 * A patient: the care plan, a token and how to log in again when it expires.
	 */
	record Patient(Supplier<String> login, String carePlanId, String token) {
	}

	private final List<Replica> replicas;

	private final Duration pause;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicBoolean running = new AtomicBoolean(true);

	/** key to measurement id, for every accepted submission. */
	private final Map<String, String> accepted = new ConcurrentHashMap<>();

	/** A key answered with another id than before: a duplicate. */
	private final AtomicLong changedAnswers = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

	private final List<Thread> threads = new ArrayList<>();

	Submitters(List<Replica> replicas, Duration pause) {
		this.replicas = replicas;
		this.pause = pause;
	}

	void start(List<Patient> patients) {
		for (int i = 0; i < patients.size(); i++) {
			Patient patient = patients.get(i);
			int first = i % this.replicas.size();
			Thread thread = new Thread(() -> run(patient, first), "submitter-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/** Stops after the submissions in flight are accepted. */
	void stop(Duration limit) throws InterruptedException {
		this.running.set(false);
		long deadline = System.nanoTime() + limit.toNanos();
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			if (thread.isAlive()) {
				this.refusals.add(thread.getName() + " still had a submission unanswered after " + limit);
				thread.interrupt();
			}
		}
	}

	Map<String, String> accepted() {
		return Map.copyOf(this.accepted);
	}

	long changedAnswers() {
		return this.changedAnswers.get();
	}

	long retries() {
		return this.retries.get();
	}

	List<String> refusals() {
		return List.copyOf(this.refusals);
	}

	private void run(Patient patient, int first) {
		String token = patient.token();
		int replica = first;
		try {
			while (this.running.get()) {
				String key = UUID.randomUUID().toString();
				String body = """
						{"vital":"BLOOD_PRESSURE","activityId":"bp","carePlanId":"%s","measuredAt":"%s",
						 "values":[{"code":"8480-6","value":%d,"unit":"mm[Hg]"},{"code":"8462-4","value":%d,"unit":"mm[Hg]"}]}"""
					.formatted(patient.carePlanId(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
							ThreadLocalRandom.current().nextInt(105, 150), ThreadLocalRandom.current().nextInt(60, 90));
				long started = System.nanoTime();
				int attempt = 0;
				while (true) {
					attempt++;
					HttpResponse<String> response = send(this.replicas.get(replica), token, key, body);
					if (response != null && (response.statusCode() == 201 || response.statusCode() == 200)) {
						record(key, response);
						break;
					}
					if (response != null && response.statusCode() == 401) {
						token = patient.login().get();
						continue;
					}
					if (response != null && response.statusCode() < 500 && response.statusCode() != 429
							&& response.statusCode() != 408) {
						this.refusals.add(response.statusCode() + " " + response.body());
						break;
					}
					// the other replica, as a load balancer would; a short rest when both
					// fail
					this.retries.incrementAndGet();
					replica = (replica + 1) % this.replicas.size();
					if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 300) {
						this.refusals.add("no replica accepted " + key + " in 300 s");
						break;
					}
					if (attempt % this.replicas.size() == 0) {
						Thread.sleep(Math.min(1000, 100L * attempt));
					}
				}
				Thread.sleep(this.pause.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void record(String key, HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElse("");
		String id = location.substring(location.lastIndexOf('/') + 1);
		String earlier = this.accepted.putIfAbsent(key, id);
		if (earlier != null && !earlier.equals(id)) {
			this.changedAnswers.incrementAndGet();
		}
	}

	private HttpResponse<String> send(Replica replica, String token, String key, String body)
			throws InterruptedException {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/api/me/measurements"))
				.header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", key)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(15))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
	}

}
