package local.heima.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser tests of both web apps (their {@code e2e/} folders, driven by
 * playwright-core in Debian's Chromium) against the whole default stack: the real login
 * provider, backend and a real PostgreSQL, on free ports so a running local Heima is not
 * disturbed.
 */
class BrowserE2EIT {

	private static final Path CHECKOUT = Path.of(System.getProperty("heima.checkout", "../.."))
		.toAbsolutePath()
		.normalize();

	private static LocalStack stack;

	@BeforeAll
	static void startStack() throws Exception {
		// the browser suites log in dozens of times a minute from one address: the login
		// rate
		// limit (60 a minute per address) would refuse them, as it should a real client
		System.setProperty("heima.rate-limit.enabled", "false");
		TestDatabase.Server db = TestDatabase.get();
		LocalSettings settings = new LocalSettings(freePort(), freePort(), freePort(),
				Files.createTempDirectory("heima-e2e"), db.url(), db.username(), db.password());
		stack = LocalStack.start(settings);
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void patientApp() throws Exception {
		assertThat(runE2e("patient-web")).as("patient-web e2e exit code").isZero();
	}

	@Test
	void clinicianApp() throws Exception {
		assertThat(runE2e("clinician-web")).as("clinician-web e2e exit code").isZero();
	}

	/**
	 * Runs a module's {@code npm run e2e}. Its output is copied line by line through
	 * System.out: a child process writing straight to this JVM's stdout would corrupt the
	 * test runner's channel.
	 */
	private static int runE2e(String module) throws IOException, InterruptedException {
		ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e").directory(CHECKOUT.resolve(module).toFile())
			.redirectErrorStream(true);
		npm.environment().put("HEIMA_BASE_URL", stack.settings().backendUrl());
		Process process = npm.start();
		Thread copy = new Thread(() -> {
			try (var lines = new java.io.BufferedReader(
					new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
				lines.lines().forEach((line) -> System.out.println("[" + module + "] " + line));
			}
			catch (IOException ex) {
				System.out.println("[" + module + "] output lost: " + ex);
			}
		});
		copy.start();
		// a bound on a hang, not a speed goal: patient-web's run (with the SDC corpus
		// subset)
		// took over 10 minutes on a busy 2-core machine
		if (!process.waitFor(20, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(module + " browser tests did not finish within 20 minutes");
		}
		copy.join(10_000);
		return process.exitValue();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
