package no.heima.drills;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * Write-back drain rate (issue 13), on the drill's stack (its own PostgreSQL, two
 * replicas, the in-memory FHIR server): rows are queued while the FHIR server is stopped,
 * then it comes back and the time until those rows are delivered is measured, once with
 * no other traffic and once while 32 patients keep submitting. Run:
 *
 * <pre>
 * java -cp "$(cat deploy/drills/target/classpath.txt)" no.heima.drills.DrainBench [seconds-of-queueing]
 * </pre>
 */
public final class DrainBench {

	private DrainBench() {
	}

	public static void main(String[] args) throws Exception {
		int queueSeconds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		DrillSettings settings = new DrillSettings(32, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Duration.ZERO, Duration.ofMinutes(10), Integer.getInteger("drill.port-base", 0));
		try (Drill drill = new Drill(settings, Drill.newWorkDir(), System.out::println)) {
			drill.start();
			List<Submitters.Patient> patients = drill.enrol();
			System.out.println(measure(drill, patients, queueSeconds, false));
			System.out.println(measure(drill, patients, queueSeconds, true));
		}
		System.exit(0);
	}

	private static String measure(Drill drill, List<Submitters.Patient> patients, int queueSeconds, boolean underIngest)
			throws Exception {
		drill.fhir().stop();
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
		drill.fhir().start();
		while (true) {
			try (Connection c = drill.database().connect();
					ResultSet rs = c.createStatement()
						.executeQuery("select count(*) from fhir_outbox where id <= " + maxId)) {
				rs.next();
				if (rs.getLong(1) == 0) {
					break;
				}
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		int accepted = 0;
		if (ingest != null) {
			accepted = ingest.accepted().size();
			ingest.stop(Duration.ofSeconds(60));
		}
		String load = underIngest ? "while 32 patients submit (" + accepted + " accepted in the first "
				+ String.format("%.1f", seconds + 3) + " s)" : "no other traffic";
		return String.format("drain %s: %d rows delivered in %.1f s = %.0f rows/s", load, rows, seconds,
				rows / seconds);
	}

}
