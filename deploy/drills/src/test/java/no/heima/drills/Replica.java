package no.heima.drills;

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
import java.util.concurrent.TimeUnit;

/**
 * One Heima backend in its own JVM (the drill's class path, main class
 * {@code no.heima.HeimaApplication}), so it can be killed with SIGKILL as a crashing
 * replica would be.
 */
final class Replica implements AutoCloseable {

	private final String name;

	private final int port;

	private final Map<String, String> properties;

	private final Path logDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Process process;

	private int starts;

	Replica(String name, int port, Map<String, String> properties, Path logDir) {
		this.name = name;
		this.port = port;
		this.properties = properties;
		this.logDir = logDir;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	String name() {
		return this.name;
	}

	synchronized long pid() {
		return this.process.pid();
	}

	synchronized boolean started() {
		return this.process != null;
	}

	synchronized void start() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// by default a small, quickly started JVM (two of them share the machine with the
		// drill); a benchmark gives a full one with -Ddrill.jvm-options="..."
		String options = System.getProperty("drill.jvm-options",
				"-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k");
		command.addAll(List.of(options.trim().split("\\s+")));
		command.add("-Dserver.port=" + this.port);
		this.properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "no.heima.HeimaApplication"));
		Files.createDirectories(this.logDir);
		Path log = this.logDir.resolve(this.name + "-" + (++this.starts) + ".log");
		this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** {@code kill -9}: no shutdown hook, no graceful close of anything. */
	synchronized void kill() throws IOException, InterruptedException {
		long pid = this.process.pid();
		Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -9 " + pid + " failed");
		}
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " survived kill -9");
		}
	}

	void awaitReady(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			Process current;
			synchronized (this) {
				current = this.process;
			}
			if (!current.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + current.exitValue() + "; see "
						+ this.logDir.resolve(this.name + "-" + this.starts + ".log"));
			}
			if (ready()) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " not ready after " + limit);
	}

	boolean ready() {
		try {
			HttpResponse<Void> response = this.http
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public synchronized void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

}
