package no.heima.drills;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import local.heima.fhir.LocalFhirServer;
import local.heima.idp.LocalIdpApplication;
import local.heima.idp.testsupport.OidcTestLogin;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash drill (issue 13): two replicas on one database take 32 patients' submissions
 * while one replica is killed with SIGKILL three times, PostgreSQL is stopped in
 * immediate mode once and the FHIR server is stopped for a while. Then every accepted
 * submission must be in the database once and on the FHIR server once.
 */
final class Drill implements AutoCloseable {

	private static final String SECRET = "heima-local-dev-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** What the drill found. */
	record Result(int accepted, int stored, int inFhir, long duplicates, long lost, long parked, double drainedSeconds,
			long retries, List<String> refusals) {

		/**
		 * Everything accepted is stored once and on the FHIR server once; nothing
		 * refused.
		 */
		boolean passed() {
			return refusals.isEmpty() && accepted > 0 && duplicates == 0 && lost == 0 && stored == accepted
					&& inFhir == accepted && parked == 0;
		}

		String summary() {
			String line = "accepted %d, stored %d, in FHIR %d, duplicates %d, lost %d, drained in %.1f s"
				.formatted(accepted, stored, inFhir, duplicates, lost, drainedSeconds);
			return (parked == 0) ? line
					: line + " (NOT drained: " + parked + " outbox rows pending or parked at the drain limit;"
							+ " lost counts what was not on the FHIR server by then)";
		}

	}

	private final DrillSettings settings;

	private final Consumer<String> out;

	private final Path workDir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> parts = new ArrayList<>();

	private int nextPort;

	private DrillDatabase database;

	private LocalFhirServer fhir;

	private String issuer;

	private Replica a;

	private Replica b;

	private final long started = System.nanoTime();

	Drill(DrillSettings settings, Path workDir, Consumer<String> out) {
		this.settings = settings;
		this.workDir = workDir;
		this.out = out;
		this.nextPort = settings.portBase();
	}

	Result run() throws Exception {
		start();
		List<Submitters.Patient> patients = enrol();
		Submitters submitters = new Submitters(List.of(this.a, this.b), this.settings.pause());
		long loadStart = System.nanoTime();
		submitters.start(patients);
		log("load on: " + patients.size() + " submitters");
		Thread.sleep(this.settings.firstFaultAfter().toMillis());

		killAndRestart(this.a, 1);
		killAndRestart(this.b, 2);

		log("PostgreSQL: pg_ctl stop -m immediate");
		this.database.crash();
		Thread.sleep(this.settings.databaseOutage().toMillis());
		this.database.restart();
		log("PostgreSQL: started again (recovered from its WAL)");
		Thread.sleep(3000);

		log("FHIR server: stopped for " + this.settings.fhirOutage().toSeconds() + " s");
		long fhirStopped = System.nanoTime();
		this.fhir.stop();
		killAndRestart(this.a, 3);
		long left = this.settings.fhirOutage().toNanos() - (System.nanoTime() - fhirStopped);
		if (left > 0) {
			Thread.sleep(left / 1_000_000);
		}
		this.fhir.start();
		log("FHIR server: started again");

		long remaining = this.settings.minimumLoad().toNanos() - (System.nanoTime() - loadStart);
		if (remaining > 0) {
			Thread.sleep(remaining / 1_000_000);
		}
		submitters.stop(Duration.ofSeconds(360));
		long loadEnd = System.nanoTime();
		log("load off after " + Duration.ofNanos(loadEnd - loadStart).toSeconds() + " s: "
				+ submitters.accepted().size() + " accepted, " + submitters.retries() + " retried attempts");

		long parked = awaitDrained();
		double drained = (System.nanoTime() - loadEnd) / 1e9;
		return verify(submitters, parked, drained);
	}

	void start() throws Exception {
		start(2);
	}

	/** The database, login provider, FHIR server and one or two replicas. */
	void start(int replicas) throws Exception {
		this.database = DrillDatabase.start(this.workDir.resolve("pgdata"), port(),
				this.workDir.resolve("postgres.log"));
		this.parts.add(this.database);
		this.fhir = LocalFhirServer.start(port(), "127.0.0.1");
		this.parts.add(this.fhir);
		int idpPort = port();
		int portA = port();
		int portB = port();
		this.issuer = "http://localhost:" + idpPort;
		ConfigurableApplicationContext idp = LocalIdpApplication.start(Map.of("server.port", idpPort, "server.address",
				"127.0.0.1", "heima.local-idp.issuer", this.issuer, "heima.local-idp.backend-url",
				"http://127.0.0.1:" + portA, "heima.local-idp.load-patients", this.settings.submitters()));
		this.parts.add(idp);
		Map<String, String> backend = new HashMap<>();
		backend.put("spring.profiles.active", "local");
		backend.put("server.address", "127.0.0.1");
		backend.put("heima.db.url", this.database.url());
		backend.put("heima.db.username", "postgres");
		backend.put("heima.db.password", "");
		backend.put("heima.oidc.issuer", this.issuer);
		backend.put("heima.fhir.base-url", "http://127.0.0.1:" + this.fhir.port() + "/fhir");
		backend.put("heima.demo.enabled", "false");
		backend.put("heima.rate-limit.enabled", "false");
		// no questionnaires in the drill: neither the built-in ones nor the validator's
		// warm-up (both take a replica's CPU while it starts)
		backend.put("heima.questionnaire.seed", "false");
		backend.put("heima.questionnaire.warm-up", "false");
		// -Ddrill.backend.<key>=<value> sets or overrides any of the backend's properties
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("drill.backend."))
			.forEach((key) -> backend.put(key.substring("drill.backend.".length()), System.getProperty(key)));
		this.a = new Replica("replica-a", portA, backend, this.workDir);
		this.b = new Replica("replica-b", portB, backend, this.workDir);
		this.parts.add(this.a);
		this.parts.add(this.b);
		long t = System.nanoTime();
		// at once: the one that takes Flyway's lock first migrates, the other waits
		this.a.start();
		if (replicas > 1) {
			this.b.start();
		}
		this.a.awaitReady(Duration.ofSeconds(600));
		log(this.a.name() + " ready in " + Duration.ofNanos(System.nanoTime() - t).toMillis() / 1000.0 + " s (pid "
				+ this.a.pid() + ")");
		if (replicas < 2) {
			return;
		}
		this.b.awaitReady(Duration.ofSeconds(600));
		log("two replicas ready in " + Duration.ofNanos(System.nanoTime() - t).toSeconds() + " s");
	}

	private void killAndRestart(Replica replica, int n) throws Exception {
		log("kill -9 " + replica.name() + " (" + n + " of 3)");
		replica.kill();
		long t = System.nanoTime();
		replica.start();
		replica.awaitReady(Duration.ofSeconds(600));
		log(replica.name() + " ready again after " + Duration.ofNanos(System.nanoTime() - t).toSeconds() + " s");
	}

	/** An admin publishes a pathway; a nurse registers and enrols each load patient. */
	List<Submitters.Patient> enrol() {
		String admin = login("heima-clinician", "clinician", "admin");
		String nurse = login("heima-clinician", "clinician", "sykepleier1");
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<String, Object> definition = Map.of("name", "Crash drill", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180),
								Map.of("code", "8462-4", "yellowHigh", 90, "redHigh", 110)))),
				"advice",
				Map.of("green", Map.of("nb", "Fortsett som før", "en", "Carry on"), "yellow",
						Map.of("nb", "Mål igjen", "en", "Measure again"), "red",
						Map.of("nb", "Ring avdelingen nå", "en", "Call the ward now")));
		String pathwayId = call("POST", "/api/pathways", admin, Map.of("definition", definition)).get("id").asString();
		call("POST", "/api/pathways/" + pathwayId + "/publish", admin, null);
		String start = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString();
		// eight at a time: each is a login at the provider and two writes
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Submitters.Patient>> enrolled = new ArrayList<>();
			for (int i = 1; i <= this.settings.submitters(); i++) {
				int n = i;
				enrolled.add(pool.submit(() -> enrolOne(nurse, pathwayId, start, n)));
			}
			List<Submitters.Patient> patients = new ArrayList<>();
			for (java.util.concurrent.Future<Submitters.Patient> patient : enrolled) {
				patients.add(patient.get());
			}
			return patients;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Submitters.Patient enrolOne(String nurse, String pathwayId, String start, int i) {
		String username = "last" + i;
		String token = login("heima-patient", "patient", username);
		JsonNode patient = call("POST", "/api/patients", nurse,
				Map.of("identifier", claim(token, "pid"), "givenName", "Drill", "familyName", "Pasient " + i));
		String planId = call("POST", "/api/patients/" + patient.get("id").asString() + "/care-plans", nurse,
				Map.of("pathwayId", pathwayId, "startDate", start))
			.get("id")
			.asString();
		return new Submitters.Patient(() -> login("heima-patient", "patient", username), planId, token);
	}

	/** Waits until the outbox holds nothing pending; answers how many rows are parked. */
	private long awaitDrained() throws Exception {
		long deadline = System.nanoTime() + this.settings.drainLimit().toNanos();
		while (true) {
			try (Connection c = this.database.connect();
					ResultSet rs = c.createStatement()
						.executeQuery("select count(*) filter (where status = 'PENDING'), "
								+ "count(*) filter (where status = 'PARKED') from fhir_outbox")) {
				rs.next();
				if (rs.getLong(1) == 0) {
					return rs.getLong(2);
				}
				if (System.nanoTime() > deadline) {
					log("outbox not drained: " + rs.getLong(1) + " pending, " + rs.getLong(2) + " parked");
					return rs.getLong(1) + rs.getLong(2);
				}
			}
			Thread.sleep(200);
		}
	}

	private Result verify(Submitters submitters, long parked, double drained) throws SQLException {
		Map<String, String> accepted = submitters.accepted();
		Set<String> acceptedIds = new HashSet<>(accepted.values());
		Set<String> storedIds = new HashSet<>();
		long rows = 0;
		try (Connection c = this.database.connect();
				PreparedStatement q = c.prepareStatement("select m.id::text from measurement m join patient p "
						+ "on p.id = m.patient_id where p.given_name = 'Drill'")) {
			try (ResultSet rs = q.executeQuery()) {
				while (rs.next()) {
					storedIds.add(rs.getString(1));
					rows++;
				}
			}
		}
		Map<String, Integer> inFhir = new HashMap<>();
		Map<String, Integer> identifiers = new HashMap<>();
		for (IBaseResource resource : this.fhir.provider("Observation").search(null)) {
			for (Identifier identifier : ((Observation) resource).getIdentifier()) {
				identifiers.merge(identifier.getSystem() + "|" + identifier.getValue(), 1, Integer::sum);
				Matcher m = UUID.matcher(identifier.getValue());
				if (m.find()) {
					inFhir.merge(m.group(), 1, Integer::sum);
				}
			}
		}
		int stored = (int) acceptedIds.stream().filter(storedIds::contains).count();
		int fhirCount = (int) acceptedIds.stream().filter(inFhir::containsKey).count();
		long lost = acceptedIds.stream().filter((id) -> !storedIds.contains(id) || !inFhir.containsKey(id)).count();
		// rows no submitter was answered for, the same id twice, or one identifier
		// stored twice on the FHIR server
		long duplicates = (rows - stored) + (accepted.size() - acceptedIds.size()) + submitters.changedAnswers()
				+ identifiers.values().stream().mapToLong((n) -> n - 1).sum();
		return new Result(accepted.size(), stored, fhirCount, duplicates, lost, parked, drained, submitters.retries(),
				submitters.refusals());
	}

	private int port() throws IOException {
		if (this.settings.portBase() > 0) {
			return this.nextPort++;
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private String login(String client, String registration, String username) {
		return OidcTestLogin
			.login(URI.create(this.issuer), client, SECRET, this.a.url() + "/login/oauth2/code/" + registration,
					username, "demo")
			.accessToken();
	}

	private static String claim(String jwt, String name) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
			.get(name)
			.asString();
	}

	private JsonNode call(String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.a.url() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						method + " " + path + ": " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void log(String line) {
		this.out.accept("[drill %5.1f s] %s".formatted((System.nanoTime() - this.started) / 1e9, line));
	}

	String issuer() {
		return this.issuer;
	}

	DrillDatabase database() {
		return this.database;
	}

	LocalFhirServer fhir() {
		return this.fhir;
	}

	List<Replica> replicas() {
		return this.b.started() ? List.of(this.a, this.b) : List.of(this.a);
	}

	/** The replicas' and PostgreSQL's logs, for a failed run. */
	Path workDir() {
		return this.workDir;
	}

	@Override
	public void close() {
		for (int i = this.parts.size() - 1; i >= 0; i--) {
			try {
				this.parts.get(i).close();
			}
			catch (Exception ex) {
				this.out.accept("stopping " + this.parts.get(i) + " failed: " + ex);
			}
		}
	}

	static Path newWorkDir() throws IOException {
		Path target = Path.of("target");
		Files.createDirectories(target);
		return Files.createTempDirectory(target.toAbsolutePath(), "drill-");
	}

}
