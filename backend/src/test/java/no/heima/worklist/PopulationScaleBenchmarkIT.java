package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.heima.careplan.CarePlanService;
import no.heima.platform.PeriodicWork;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.QueryPlans;
import no.heima.testsupport.StatementLog;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screens and jobs that read the big tables, timed on a hospital-sized population
 * that {@code PopulationGenerator} made beforehand (100,000 patients, 10,000,000
 * measurements): each screen over HTTP with a real login (median and slowest of
 * {@value #RUNS} requests after {@value #WARM_UP} warm-ups), every distinct statement it
 * sent with {@code EXPLAIN (ANALYZE, BUFFERS)} under the planner's normal settings, and
 * the scan for missed tasks over its first {@code heima.population.scan-plans} open plans
 * (plans per second). Figures for docs/benchmarks.md, printed as
 * {@code POPULATION-BENCHMARK} lines; the only assertion is that no statement reads a big
 * table whole at this size. Off unless the database is named:
 *
 * <pre>
 * ./mvnw -B -o -pl deploy/local-fhir,backend verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=PopulationScaleBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dheima.population.url=postgresql://127.0.0.1:5432/heima_population
 * </pre>
 *
 * The database is used as it is, by its owner (the test server's user), and the scan
 * writes the missed-task items it finds; use a generated database, not one that matters.
 */
@EnabledIfSystemProperty(named = "heima.population.url", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationScaleBenchmarkIT {

	private static final int WARM_UP = 3;

	private static final int RUNS = 20;

	/** Tables that grow with patients and time. */
	private static final List<String> BIG = List.of("measurement", "task_completion", "worklist_item", "patient",
			"patient_team", "care_plan", "audit_event", "questionnaire_response", "fhir_outbox");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String url = System.getProperty("heima.population.url");

	private final int scanPlans = Integer.getInteger("heima.population.scan-plans", 2_000);

	/** How long a reminder round may run before the benchmark stops waiting for it. */
	private final Duration roundLimit = Duration.parse(System.getProperty("heima.population.round-limit", "PT10M"));

	private final List<String> fullReads = new ArrayList<>();

	private ConfigurableApplicationContext heima;

	@BeforeAll
	void start() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		try (Connection c = connect(); Statement s = c.createStatement()) {
			print("population: %,d patients, %,d open care plans, %,d measurements (%s with indexes), %,d open items",
					count(s, "select count(*) from patient"),
					count(s, "select count(*) from care_plan where status <> 'ENDED'"),
					count(s, "select count(*) from measurement"),
					text(s, "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_inherits i"
							+ " join pg_class c on c.oid = i.inhrelid where i.inhparent = 'measurement'::regclass"),
					count(s, "select count(*) from worklist_item where status <> 'RESOLVED'"));
		}
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("heima.db.url", this.url);
		properties.put("heima.db.username", server.username());
		properties.put("heima.db.password", server.password());
		properties.put("heima.db.migration.username", server.username());
		properties.put("heima.db.migration.password", server.password());
		properties.put("heima.worklist.missing.enabled", "false");
		properties.put("heima.fhir.sync.enabled", "false");
		properties.put("heima.http.request-timeout", "600s");
		long started = System.nanoTime();
		this.heima = HeimaInstance.start(properties);
		print("Heima started on it in %.1f s", (System.nanoTime() - started) / 1e9);
	}

	@AfterAll
	void stop() {
		if (this.heima != null) {
			this.heima.close();
		}
	}

	@Test
	void screensAndTheScanAtHospitalScale() throws Exception {
		String patient = firstPatientId(JSON.readTree(get("sykepleier1", "/api/worklist?page=0&size=50")));
		screen("worklist, first page of 50 (team hjerte)", "sykepleier1", "/api/worklist?page=0&size=50");
		screen("caseload, first page (team hjerte)", "sykepleier1", "/api/worklist/patients?page=0&size=50");
		screen("patient header", "sykepleier1", "/api/patients/" + patient);
		screen("patient's items", "sykepleier1", "/api/patients/" + patient + "/worklist");
		screen("patient's care plans", "sykepleier1", "/api/patients/" + patient + "/care-plans");
		screen("patient's latest measurements", "sykepleier1", "/api/patients/" + patient + "/measurements");
		screen("a year of blood pressure", "sykepleier1",
				"/api/patients/" + patient + "/measurements?vital=BLOOD_PRESSURE&period=P365D");
		screen("capacity forecast, team hjerte, 14 days", "admin", "/api/admin/capacity-forecast?team=hjerte&days=14");
		scan();
		reminderRounds();
		assertThat(this.fullReads).as("sequential scans of big tables at hospital scale").isEmpty();
	}

	private void screen(String what, String user, String path) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			get(user, path);
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			get(user, path);
			micros.add((System.nanoTime() - started) / 1_000);
		}
		micros.sort(Long::compare);
		List<StatementLog.Event> sent = log().during(() -> get(user, path));
		print("%s: median %.1f ms, slowest %.1f ms (%d requests); %s", what, micros.get(RUNS / 2) / 1000.0,
				micros.get(RUNS - 1) / 1000.0, RUNS, explain(what, sent));
	}

	/**
	 * The missed-task scan over the first open plans, twice: the first raises what is
	 * missing, the second finds it raised (the steady state every 5 minutes). Plans per
	 * second, statements per plan, and what a scan of all open plans takes at that rate.
	 */
	private void scan() throws Exception {
		long open;
		try (Connection c = connect(); Statement s = c.createStatement()) {
			open = count(s, "select count(*) from care_plan where status <> 'ENDED'");
		}
		MissedTasks tasks = this.heima.getBean(MissedTasks.class);
		CarePlanService plans = this.heima.getBean(CarePlanService.class);
		for (String round : List.of("first", "second")) {
			long itemsBefore = items();
			long started = System.nanoTime();
			List<StatementLog.Event> sent = log()
				.during(() -> tasks.scan(plans.openPlans().take(this.scanPlans)).block(Duration.ofMinutes(60)));
			double seconds = (System.nanoTime() - started) / 1e9;
			long statements = sent.stream().filter(StatementLog.Event::isQuery).count();
			print("missed-task scan, %s round: %,d plans in %.1f s = %.0f plans/s, %,d items raised, %,d statements"
					+ " (%.2f per plan); all %,d open plans at that rate: %.0f s (the scan runs every 5 min); %s",
					round, this.scanPlans, seconds, this.scanPlans / seconds, items() - itemsBefore, statements,
					(double) statements / this.scanPlans, open, open / (this.scanPlans / seconds),
					explain("missed-task scan", sent));
		}
	}

	/**
	 * Reminder planning (every minute on every replica) over every open plan, twice: the
	 * first plans what the patients' choices ask for, the second finds it planned.
	 */
	private void reminderRounds() throws Exception {
		PeriodicWork planning = this.heima.getBean("reminderPlanning", PeriodicWork.class);
		for (String round : List.of("first", "second")) {
			long before = reminders();
			long started = System.nanoTime();
			boolean[] finished = { true };
			List<StatementLog.Event> sent = log().during(() -> {
				try {
					planning.runOnce().block(this.roundLimit);
				}
				catch (IllegalStateException timedOut) {
					finished[0] = false;
				}
			});
			double seconds = (System.nanoTime() - started) / 1e9;
			print("reminder planning, %s round over every open plan: %s %.1f s, %,d reminders planned, %,d statements;"
					+ " %s", round, finished[0] ? "done in" : "NOT done, stopped after", seconds, reminders() - before,
					sent.stream().filter(StatementLog.Event::isQuery).count(), explain("reminder planning", sent));
		}
	}

	private long reminders() throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			return count(s, "select count(*) from reminder");
		}
	}

	private long items() throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			return count(s, "select count(*) from worklist_item");
		}
	}

	/**
	 * Each distinct reading statement, run with EXPLAIN ANALYZE: the slowest, and any
	 * full read.
	 */
	private String explain(String what, List<StatementLog.Event> sent) throws SQLException {
		Map<String, List<Object>> statements = new LinkedHashMap<>();
		for (StatementLog.Event event : sent) {
			if (event.isQuery() && event.sql().matches("(?is)^select\\b.*")) {
				statements.putIfAbsent(event.sql(), event.bindings());
			}
		}
		double slowest = 0;
		String slowestSql = "";
		try (Connection c = connect(); Statement s = c.createStatement()) {
			for (Map.Entry<String, List<Object>> statement : statements.entrySet()) {
				JsonNode explained = QueryPlans.explain(s, statement.getKey(), statement.getValue(), true);
				double ms = explained.path("Execution Time").asDouble();
				if (ms > slowest) {
					slowest = ms;
					slowestSql = statement.getKey();
				}
				for (String relation : QueryPlans.seqScans(explained.get("Plan"))) {
					if (BIG.contains(relation)
							&& !statement.getKey().startsWith("select * from care_plan where status")) {
						this.fullReads.add(what + ": " + relation + " in: " + statement.getKey());
					}
				}
			}
		}
		return String.format("%d distinct reads explained, slowest %.1f ms: %s", statements.size(), slowest,
				abbreviate(slowestSql));
	}

	private static String abbreviate(String sql) {
		String oneLine = sql.replaceAll("\\s+", " ");
		return (oneLine.length() > 140) ? oneLine.substring(0, 140) + "..." : oneLine;
	}

	private StatementLog log() {
		return this.heima.getBean(StatementLog.class);
	}

	private String get(String user, String path) {
		return HeimaInstance.get(this.heima, user, path);
	}

	private Connection connect() throws SQLException {
		TestDatabase.Server server = TestDatabase.get();
		return DriverManager.getConnection("jdbc:" + this.url, server.username(), server.password());
	}

	private static long count(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String text(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String firstPatientId(JsonNode page) {
		for (JsonNode node : page.findValues("patientId")) {
			return node.asString();
		}
		throw new AssertionError("no item on the worklist: " + page);
	}

	private static void print(String format, Object... args) {
		System.out.println("POPULATION-BENCHMARK " + String.format(format, args));
	}

}
