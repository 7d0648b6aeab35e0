package local.heima.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import local.heima.fhir.LocalFhirServer;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A real Keycloak: the server distribution ({@code keycloak-quarkus-dist}, unpacked by
 * Maven in the {@code keycloak} profile) started with {@code kc.sh start-dev} and the
 * compose realm ({@code compose/keycloak/heima-realm.json}) imported as it is, then the
 * executable backend jar with the {@code keycloak} identity profile against it, and a
 * nurse logging in through Keycloak's own login form in Chromium (playwright-core from
 * the clinician app's node_modules) and landing on the worklist. The time each step takes
 * is printed. Slow (minutes), so only with {@code -Pkeycloak}: see deploy/README.md.
 */
class KeycloakLoginIT {

	private static final Path KEYCLOAK = Path.of(System.getProperty("heima.keycloak.home", "target/keycloak"));

	/** Keycloak 26 needs Java 21+; the build may run on 17. */
	private static final Path KEYCLOAK_JAVA = Path
		.of(System.getProperty("keycloak.java.home", System.getProperty("java.home")));

	private static final Path JAR = Path.of(System.getProperty("heima.jar", "target/artifact/heima.jar"));

	private static final Path WORK = Path.of(System.getProperty("heima.work", "target"));

	private static final Path DEPLOY = Path.of(System.getProperty("heima.deploy", ".."));

	private static final Path PLAYWRIGHT = Path
		.of(System.getProperty("heima.playwright", "../../clinician-web/node_modules/playwright-core"));

	private static final String CHROMIUM = System.getProperty("heima.chromium", "/usr/bin/chromium");

	/** Demo values only, for this run's throw-away realm. */
	private static final String PATIENT_SECRET = "kc-it-patient-secret";

	private static final String CLINICIAN_SECRET = "kc-it-clinician-secret";

	private static final String DEMO_PASSWORD = "kc-it-demo-password";

	@Test
	void aNurseLogsInThroughKeycloaksLoginFormAndSeesTheWorklist() throws Exception {
		assertThat(KEYCLOAK.resolve("bin/kc.sh")).as("the unpacked Keycloak distribution (-Pkeycloak)").exists();
		assertThat(JAR).as("the executable jar (mvn package of the backend)").exists();
		assertThat(PLAYWRIGHT.resolve("package.json")).as("playwright-core (npm ci in clinician-web)").exists();
		int keycloakPort = freePort();
		int managementPort = freePort();
		int backendPort = freePort();
		String keycloak = "http://localhost:" + keycloakPort;
		String issuer = keycloak + "/realms/heima";
		String base = "http://localhost:" + backendPort;

		// a fresh dev-file database, the compose realm imported unchanged: its
		// placeholders
		// are filled from the environment, as in compose
		deleteRecursively(KEYCLOAK.resolve("data"));
		Files.createDirectories(KEYCLOAK.resolve("data/import"));
		Files.copy(DEPLOY.resolve("compose/keycloak/heima-realm.json"),
				KEYCLOAK.resolve("data/import/heima-realm.json"));
		Map<String, String> keycloakEnv = new HashMap<>();
		keycloakEnv.put("JAVA_HOME", KEYCLOAK_JAVA.toString());
		keycloakEnv.put("HEIMA_PUBLIC_URL", base);
		keycloakEnv.put("HEIMA_PATIENT_CLIENT_SECRET", PATIENT_SECRET);
		keycloakEnv.put("HEIMA_CLINICIAN_CLIENT_SECRET", CLINICIAN_SECRET);
		keycloakEnv.put("HEIMA_DEMO_PASSWORD", DEMO_PASSWORD);
		ProcessBuilder kc = new ProcessBuilder(KEYCLOAK.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-port=" + keycloakPort, "--http-management-port=" + managementPort, "--import-realm");
		kc.environment().putAll(keycloakEnv);
		Path keycloakLog = WORK.resolve("keycloak.log");
		kc.redirectErrorStream(true).redirectOutput(keycloakLog.toFile());

		long t0 = System.nanoTime();
		Process keycloakProcess = kc.start();
		try {
			awaitOk(keycloakProcess, keycloakLog, issuer + "/.well-known/openid-configuration", Duration.ofMinutes(10));
			Duration keycloakReady = Duration.ofNanos(System.nanoTime() - t0);
			double keycloakCpu = cpuSeconds(keycloakProcess);
			long keycloakRss = rssMebibytes(keycloakProcess);

			try (LocalFhirServer fhir = LocalFhirServer.start(0)) {
				TestDatabase.Server db = TestDatabase.get();
				Map<String, String> env = new HashMap<>();
				env.put("SERVER_PORT", Integer.toString(backendPort));
				env.put("SERVER_REACTIVE_SESSION_COOKIE_SECURE", "false");
				env.put("SPRING_PROFILES_ACTIVE", "prod,keycloak");
				env.put("HEIMA_PUBLIC_URL", base);
				env.put("HEIMA_DB_URL", db.url());
				env.put("HEIMA_DB_USER", db.username());
				env.put("HEIMA_DB_PASSWORD", db.password());
				env.put("HEIMA_OIDC_ISSUER", issuer);
				env.put("HEIMA_PATIENT_CLIENT_SECRET", PATIENT_SECRET);
				env.put("HEIMA_CLINICIAN_CLIENT_SECRET", CLINICIAN_SECRET);
				env.put("HEIMA_FHIR_URL", fhir.baseUrl());
				long t1 = System.nanoTime();
				try (JarProcess jar = JarProcess.start(List.of(JarProcess.java(), "-Xmx768m", "-jar", JAR.toString()),
						env, WORK.resolve("heima-keycloak.log"))) {
					Duration backendHealthy = jar.awaitHealthy(base, Duration.ofMinutes(8));
					double backendCpu = jar.cpuSeconds();

					DocumentContext seen = JsonPath.parse(browserLogin(base, keycloak, "sykepleier1", DEMO_PASSWORD));
					// Keycloak's own login page, asked for with PKCE
					assertThat(seen.read("$.loginPage", String.class))
						.startsWith(issuer + "/protocol/openid-connect/auth")
						.contains("client_id=heima-clinician")
						.contains("code_challenge_method=S256");
					assertThat(seen.read("$.landed", String.class)).isEqualTo(base + "/clinician/");
					// the realm's mappers gave the backend her role, team and national id
					assertThat(seen.read("$.me.status", Integer.class)).isEqualTo(200);
					assertThat(seen.read("$.me.body.name", String.class)).isEqualTo("Nina Berg");
					assertThat(seen.read("$.me.body.roles", List.class)).containsExactly("CLINICIAN");
					assertThat(seen.read("$.me.body.teams", List.class)).containsExactly("hjerte");
					assertThat(seen.read("$.me.body.nationalId", String.class)).isEqualTo("05848140009");
					assertThat(seen.read("$.worklist.status", Integer.class)).isEqualTo(200);
					assertThat(seen.read("$.worklist.body.items", List.class)).isNotNull();
					assertThat(seen.read("$.cookies[?(@.name == 'SESSION')].httpOnly", List.class))
						.containsExactly(true);

					Duration total = Duration.ofNanos(System.nanoTime() - t0);
					System.out.printf("Keycloak %s (dev-file, realm imported): ready %.1f s after launch, RSS %d MiB;"
							+ " backend jar healthy %.1f s after launch; Chromium login through Keycloak %.1f s,"
							+ " worklist shown %.1f s; whole test %.1f s%n",
							Files.readString(KEYCLOAK.resolve("version.txt")).trim(), keycloakReady.toMillis() / 1000.0,
							rssMebibytes(keycloakProcess), backendHealthy.toMillis() / 1000.0,
							seen.read("$.loginMillis", Integer.class) / 1000.0,
							seen.read("$.worklistShownMillis", Integer.class) / 1000.0, total.toMillis() / 1000.0);
					// the clients' secrets never reached the browser
					assertThat(seen.jsonString()).doesNotContain(CLINICIAN_SECRET);
				}
			}
		}
		finally {
			stop(keycloakProcess);
		}
	}

	/** Runs the Chromium login (src/test/js/keycloak-login.mjs); its JSON report. */
	private static String browserLogin(String base, String keycloak, String user, String password) throws Exception {
		Path script = Path.of("src/test/js/keycloak-login.mjs").toAbsolutePath();
		ProcessBuilder node = new ProcessBuilder("node", script.toString());
		node.environment().put("HEIMA_BASE_URL", base);
		node.environment().put("KEYCLOAK_URL", keycloak);
		node.environment().put("PLAYWRIGHT_CORE", PLAYWRIGHT.toAbsolutePath().toString());
		node.environment().put("CHROMIUM", CHROMIUM);
		node.environment().put("LOGIN_USER", user);
		node.environment().put("LOGIN_PASSWORD", password);
		Path out = WORK.resolve("keycloak-login.out");
		node.redirectErrorStream(true).redirectOutput(out.toFile());
		Process process = node.start();
		boolean finished = process.waitFor(10, TimeUnit.MINUTES);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		assertThat(finished).as("the browser login finished: " + Files.readString(out)).isTrue();
		String output = Files.readString(out);
		assertThat(process.exitValue()).as(output).isZero();
		List<String> lines = output.lines().filter((l) -> l.startsWith("{")).toList();
		assertThat(lines).as(output).isNotEmpty();
		return lines.get(lines.size() - 1);
	}

	private static void awaitOk(Process process, Path log, String url, Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("Keycloak exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Keycloak not ready within " + timeout + ":\n" + Files.readString(log));
	}

	/** kc.sh starts Java as its child: the RSS of that JVM. */
	private static long rssMebibytes(Process process) throws IOException {
		long rss = 0;
		for (ProcessHandle handle : process.descendants().toList()) {
			Path status = Path.of("/proc", Long.toString(handle.pid()), "status");
			if (Files.exists(status)) {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmRSS:")) {
						rss = Math.max(rss, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
					}
				}
			}
		}
		return rss;
	}

	/**
	 * CPU time (user + system) of kc.sh's JVM, the server: the build step before it
	 * (Quarkus augmentation, a JVM of its own that has exited) is not counted.
	 */
	private static double cpuSeconds(Process process) throws IOException {
		double seconds = 0;
		for (ProcessHandle handle : process.descendants().toList()) {
			Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
			if (Files.exists(stat)) {
				String line = Files.readString(stat);
				String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
				seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
			}
		}
		return seconds;
	}

	private static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> children = process.descendants().toList();
		children.forEach(ProcessHandle::destroy);
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			children.forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (var paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
