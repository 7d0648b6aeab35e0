package no.heima.drills;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Write-back drain rate and outbox lag (issue 13), on the drill's stack (its own
 * PostgreSQL, two replicas, the in-memory FHIR server):
 * <ol>
 * <li>rows are queued while the FHIR server is stopped, then it comes back and the time
 * until those rows are delivered is measured, once with no other traffic and once while
 * 32 patients keep submitting;</li>
 * <li>with the FHIR server up, 32 patients submit for a while and each measurement's lag
 * from {@code received_at} to its {@code fhir_delivery.delivered_at} is taken
 * (p50/p95/p99).</li>
 * </ol>
 * Each result is also printed as one {@code DRAIN-RESULT} line. Run:
 *
 * <pre>
 * java -Ddrill.port-base=18410 -cp "$(cat deploy/drills/target/classpath.txt)" no.heima.drills.DrainBench [seconds-of-queueing] [seconds-of-steady-load]
 * </pre>
 *
 * Against a HAPI FHIR JPA server (deploy/jpa-fhir, started with
 * {@code -Djpa-fhir.outage-switch=true}) instead of the in-memory one, add
 * {@code -Ddrill.backend.heima.fhir.base-url=http://127.0.0.1:18470/fhir
 * -Ddrain.outage-url=http://127.0.0.1:18470/outage}: the outage is then that server
 * answering 503 rather than being stopped.
 */
public final class DrainBench {

	private DrainBench() {
	}

	public static void main(String[] args) throws Exception {
		int queueSeconds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int steadySeconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		DrillSettings settings = new DrillSettings(Integer.getInteger("drill.submitters", 32), Duration.ZERO,
				Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10),
				Integer.getInteger("drill.port-base", 0));
		try (Drill drill = new Drill(settings, Drill.newWorkDir(), System.out::println)) {
			drill.start();
			List<Submitters.Patient> patients = drill.enrol();
			drill.log(measure(drill, patients, queueSeconds, false));
			drill.log(measure(drill, patients, queueSeconds, true));
			if (steadySeconds > 0) {
				drill.log(lag(drill, patients, steadySeconds));
			}
		}
		System.exit(0);
	}

	/**
	 * Another FHIR server than the drill's in-memory one
	 * ({@code drill.backend.heima.fhir.base-url}), with an outage switch
	 * ({@code drain.outage-url}, e.g. deploy/jpa-fhir's
	 * {@code http://127.0.0.1:18470/outage}: PUT makes it answer 503, DELETE ends that).
	 */
	private static final String OUTAGE_URL = System.getProperty("drain.outage-url");

	private static void fhirDown(Drill drill, boolean down) throws Exception {
		if (OUTAGE_URL == null) {
			if (down) {
				drill.fhir().stop();
			}
			else {
				drill.fhir().start();
			}
			return;
		}
		java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(OUTAGE_URL))
				.method(down ? "PUT" : "DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 204) {
			throw new IllegalStateException("outage switch " + OUTAGE_URL + ": " + response.statusCode());
		}
	}

	private static String measure(Drill drill, List<Submitters.Patient> patients, int queueSeconds, boolean underIngest)
			throws Exception {
		fhirDown(drill, true);
		Submitters queueing = new Submitters(drill.replicas(), Duration.ZERO);
		queueing.start(patients);
		Thread.sleep(queueSeconds * 1000L);
		queueing.stop(Duration.ofSeconds(60));
		long maxId;
		long rows;
		try (Connection c = drill.database().connect();
				ResultSet rs = c.createStatement()
					.executeQuery("select coalesce(max(id), 0), count(*) from fhir_outbox where status = 'PENDING'")) {
			rs.next();
			maxId = rs.getLong(1);
			rows = rs.getLong(2);
		}
		Submitters ingest = null;
		if (underIngest) {
			ingest = new Submitters(drill.replicas(), Duration.ZERO);
			ingest.start(patients);
			Thread.sleep(3000);
		}
		long t = System.nanoTime();
		fhirDown(drill, false);
		Drained drained = awaitDelivered(drill, maxId, rows, t);
		double seconds = (System.nanoTime() - t) / 1e9;
		int accepted = 0;
		if (ingest != null) {
			accepted = ingest.accepted().size();
			ingest.stop(Duration.ofSeconds(60));
		}
		long delivered = rows - drained.left();
		String load = underIngest ? "while " + patients.size() + " patients submit (" + accepted
				+ " accepted in the first " + String.format("%.1f", seconds + 3) + " s)" : "no other traffic";
		return String.format(
				"DRAIN-RESULT %s: drain %s: %d of %d rows delivered in %.1f s = %.0f rows/s"
						+ " (first row after %.1f s; %.0f rows/s from then on)%s",
				underIngest ? "ingest" : "idle", load, delivered, rows, seconds, delivered / seconds, drained.first(),
				delivered / Math.max(0.001, seconds - drained.first()),
				(drained.left() > 0) ? "; STOPPED at the limit with " + drained.left() + " left" : "");
	}

	/** When the first row went (seconds after the start), and how many were left. */
	private record Drained(double first, long left) {
	}

	/**
	 * Waits until no row up to {@code maxId} is left, or {@code drill.drain-bench-limit}
	 * seconds (150) have passed.
	 */
	private static Drained awaitDelivered(Drill drill, long maxId, long rows, long start) throws Exception {
		long deadline = start + Duration.ofSeconds(Long.getLong("drill.drain-bench-limit", 150)).toNanos();
		double first = -1;
		while (true) {
			try (Connection c = drill.database().connect();
					ResultSet rs = c.createStatement()
						.executeQuery("select count(*) from fhir_outbox where id <= " + maxId)) {
				rs.next();
				long left = rs.getLong(1);
				if (first < 0 && left < rows) {
					first = (System.nanoTime() - start) / 1e9;
				}
				if (left == 0 || System.nanoTime() > deadline) {
					return new Drained(first, left);
				}
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Steady ingest with the FHIR server up: how long each measurement waits between
	 * being received and being delivered. The first 5 s (warm-up) are left out.
	 */
	private static String lag(Drill drill, List<Submitters.Patient> patients, int seconds) throws Exception {
		Instant from = Instant.now().plusSeconds(5);
		Submitters ingest = new Submitters(drill.replicas(), Duration.ZERO);
		ingest.start(patients);
		Thread.sleep(seconds * 1000L);
		ingest.stop(Duration.ofSeconds(60));
		Instant to = Instant.now();
		long maxId;
		try (Connection c = drill.database().connect();
				ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from fhir_outbox")) {
			rs.next();
			maxId = rs.getLong(1);
		}
		long left = awaitDelivered(drill, maxId, Long.MAX_VALUE, System.nanoTime()).left();
		List<Long> lags = new ArrayList<>();
		try (Connection c = drill.database().connect();
				PreparedStatement q = c.prepareStatement("select extract(epoch from (d.delivered_at - m.received_at))"
						+ " * 1000 from measurement m join fhir_delivery d on d.resource_type = 'Observation'"
						+ " and d.identifier_value = m.id::text" + " where m.received_at >= ? and m.received_at < ?")) {
			q.setTimestamp(1, Timestamp.from(from));
			q.setTimestamp(2, Timestamp.from(to));
			try (ResultSet rs = q.executeQuery()) {
				while (rs.next()) {
					lags.add(Math.round(rs.getDouble(1)));
				}
			}
		}
		Collections.sort(lags);
		double window = Duration.between(from, to).toMillis() / 1000.0;
		return String.format(
				"DRAIN-RESULT lag: %d measurements in %.0f s (%.0f/s) while %d patients submit, FHIR server up:"
						+ " outbox lag p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (outbox rows still pending: %d)",
				lags.size(), window, lags.size() / window, patients.size(), pct(lags, 0.50), pct(lags, 0.95),
				pct(lags, 0.99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), left);
	}

	private static long pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}

}
