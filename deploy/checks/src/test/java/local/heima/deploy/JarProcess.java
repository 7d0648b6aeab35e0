package local.heima.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend as a hospital runs it: a separate JVM configured by nothing but environment
 * variables. Inherited {@code HEIMA_*}, {@code SPRING_*} and {@code SERVER_*} variables
 * are removed first, so only what the test gives counts.
 */
final class JarProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern
		.compile("Started HeimaApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private final Process process;

	private final Path log;

	private final long startedNanos;

	private JarProcess(Process process, Path log, long startedNanos) {
		this.process = process;
		this.log = log;
		this.startedNanos = startedNanos;
	}

	static JarProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("HEIMA_") || name.startsWith("SPRING_") || name.startsWith("SERVER_")
					|| name.startsWith("JAVA_TOOL_OPTIONS"));
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		long started = System.nanoTime();
		return new JarProcess(builder.start(), log, started);
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	long pid() {
		return this.process.pid();
	}

	/** Polls {@code /actuator/health} until it answers UP; the time since start. */
	Duration awaitHealthy(String baseUrl, Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("the jar exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return Duration.ofNanos(System.nanoTime() - this.startedNanos);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no healthy backend within " + timeout + ":\n" + tail());
	}

	/**
	 * Spring Boot's own figures from its start-up line: seconds to start the context, and
	 * since the JVM started.
	 */
	Optional<double[]> reportedStart() throws IOException {
		Matcher m = STARTED.matcher(Files.readString(this.log));
		return m.find() ? Optional.of(new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) })
				: Optional.empty();
	}

	/** Resident set size in MiB, from /proc (Linux). */
	long rssMebibytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		throw new IllegalStateException("no VmRSS for " + this.process.pid());
	}

	/**
	 * CPU time the process has used (user + system), in seconds: unlike wall-clock start
	 * time, it does not depend on how busy the machine is. Assumes the usual 100 clock
	 * ticks per second.
	 */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(this.process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14 and 15 of proc(5), counted after pid and comm
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	String output() throws IOException {
		return Files.readString(this.log);
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 60), lines.size())));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** SIGTERM, as a container runtime stops it; the exit code. */
	int stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		return this.process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			stop();
		}
	}

}
