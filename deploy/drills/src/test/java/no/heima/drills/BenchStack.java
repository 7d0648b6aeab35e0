package no.heima.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stack the load runs of {@code docs/benchmarks.md} were made against: a PostgreSQL
 * cluster of its own, the local login provider (with {@code last1..lastN} load patients)
 * and the in-memory FHIR server in this JVM, and the backend alone in its own JVM, so its
 * start-up time and resident memory are its own. Prints the backend's RSS every 10 s
 * until stopped (Ctrl+C).
 *
 * <pre>
 * java -Ddrill.port-base=18400 -Ddrill.submitters=100 -cp "$(cat deploy/drills/target/classpath.txt)" no.heima.drills.BenchStack
 * </pre>
 *
 * Ports from the base: PostgreSQL, FHIR server, login provider, backend.
 */
public final class BenchStack {

	private BenchStack() {
	}

	public static void main(String[] args) throws Exception {
		DrillSettings settings = new DrillSettings(Integer.getInteger("drill.submitters", 100), Duration.ZERO,
				Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Integer.getInteger("drill.port-base", 0));
		Drill drill = new Drill(settings, Drill.newWorkDir(), System.out::println);
		Runtime.getRuntime().addShutdownHook(new Thread(drill::close));
		drill.start(1);
		Replica backend = drill.replicas().get(0);
		drill.log(
				"backend " + backend.url() + ", login provider " + drill.issuer() + ", FHIR " + drill.fhir().baseUrl());
		while (true) {
			drill.log("backend RSS " + rss(backend.pid()) + " kB");
			Thread.sleep(10_000);
		}
	}

	static String rss(long pid) throws java.io.IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return line.substring(6).replace("kB", "").trim();
			}
		}
		return "?";
	}

}
