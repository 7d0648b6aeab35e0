package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.heima.population.PopulationGenerator;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.QueryPlans;
import no.heima.testsupport.ScratchDatabase;
import no.heima.testsupport.StatementLog;
import no.heima.testsupport.TestDatabase;
import no.heima.testsupport.TestIdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query plans of the screens and jobs that read the big tables, on a small generated
 * population (the generator's own COPY path, a database of its own): the worklist, a
 * patient's overview, a measurement history and the scan for missed tasks are run through
 * a Heima instance, every statement they send is recorded with its values, and each one's
 * {@code EXPLAIN} must read no big table from end to end. The set is small, so the
 * planner would rightly prefer sequential scans on it; the plans are taken with
 * {@code enable_seqscan = off}, which leaves a sequential scan only where no index can
 * serve the statement at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationPlansIT {

	/** Tables that grow with patients and time. */
	private static final Set<String> BIG = Set.of("measurement", "task_completion", "worklist_item", "patient",
			"patient_team", "care_plan", "care_plan_pause", "audit_event", "questionnaire_response", "message",
			"fhir_outbox");

	/**
	 * The scan for missed tasks visits every open plan by design (one read of the plans,
	 * then a few indexed reads per plan); that one listing is the exception.
	 */
	private static final String OPEN_PLANS = "select * from care_plan where status <> 'ENDED' order by id";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ScratchDatabase database;

	private String jdbcUrl;

	private ConfigurableApplicationContext heima;

	@BeforeAll
	void generateAndStart() throws Exception {
		this.database = new ScratchDatabase("heima_plans");
		TestDatabase.Server server = this.database.server();
		this.jdbcUrl = this.database.jdbcUrl();
		PopulationGenerator.migrate(this.jdbcUrl, server.username(), server.password());
		try (Connection c = this.database.connect()) {
			PopulationGenerator.Counts counts = PopulationGenerator.generate(c,
					new PopulationGenerator.Settings(1_000, 10, 60_000, 90, 0.04, 13), (line) -> {
					});
			assertThat(counts.measurements()).isGreaterThan(50_000);
			assertThat(counts.openItems()).isPositive();
		}
		Map<String, Object> properties = new java.util.HashMap<>(this.database.instanceProperties());
		properties.put("heima.worklist.missing.enabled", "false");
		properties.put("heima.fhir.sync.enabled", "false");
		// the what-if replays a hundred plans: more than 30 s on a busy machine
		properties.put("heima.http.request-timeout", "300s");
		this.heima = HeimaInstance.start(properties);
	}

	@AfterAll
	void stopAndDrop() throws Exception {
		if (this.heima != null) {
			this.heima.close();
		}
		this.database.drop();
	}

	@Test
	void theWorklistReadsNoBigTableWhole() throws Exception {
		List<StatementLog.Event> sent = log().during(() -> get("sykepleier1", "/api/worklist?page=0&size=50"));
		assertNoFullReads(sent, "worklist");
	}

	@Test
	void aPatientsOverviewAndHistoryReadNoBigTableWhole() throws Exception {
		JsonNode page = JSON.readTree(get("sykepleier1", "/api/worklist?page=0&size=50"));
		String patient = firstPatientId(page);
		List<StatementLog.Event> sent = log().during(() -> {
			get("sykepleier1", "/api/patients/" + patient);
			get("sykepleier1", "/api/patients/" + patient + "/worklist");
			get("sykepleier1", "/api/patients/" + patient + "/care-plans");
			get("sykepleier1", "/api/patients/" + patient + "/measurements");
			get("sykepleier1", "/api/patients/" + patient + "/measurements?vital=BLOOD_PRESSURE&period=P365D");
		});
		assertNoFullReads(sent, "overview and history");
	}

	@Test
	void theScanForMissedTasksReadsOnlyTheOpenPlansWhole() throws Exception {
		// every plan sends the same statements: 50 open plans show their plans (the scan
		// of all 1,000 takes minutes on a busy machine)
		TestDatabase.Server server = TestDatabase.get();
		try (Connection c = DriverManager.getConnection(this.jdbcUrl, server.username(), server.password());
				Statement s = c.createStatement()) {
			s.execute("update care_plan set status = 'ENDED', end_date = current_date"
					+ " where id not in (select id from care_plan order by id limit 50)");
		}
		MissedTasks scan = this.heima.getBean(MissedTasks.class);
		List<StatementLog.Event> sent = log().during(() -> scan.scan().block(Duration.ofMinutes(5)));
		assertThat(sent).anyMatch((e) -> e.isQuery() && e.sql().contains("task_completion"));
		assertNoFullReads(sent, "missed-task scan");
	}

	/**
	 * What-if replays every plan of a pathway: each plan's measurements and responses
	 * since a day (by care plan, not by patient).
	 */
	@Test
	void theWhatIfReplayReadsNoBigTableWhole() throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		String pathway;
		String definition;
		try (Connection c = DriverManager.getConnection(this.jdbcUrl, server.username(), server.password());
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select p.id, v.definition from pathway p join pathway_version v"
						+ " on v.pathway_id = p.id where p.team = 'hjerte' order by v.version desc limit 1")) {
			rs.next();
			pathway = rs.getString(1);
			definition = rs.getString(2);
		}
		String body = "{\"days\": 30, \"definition\": " + definition + "}";
		List<StatementLog.Event> sent = log().during(() -> client().post()
			.uri("/api/pathways/" + pathway + "/what-if")
			.header("Authorization", "Bearer " + TestIdp.accessToken("admin"))
			.header("Content-Type", "application/json")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(sent).anyMatch((e) -> e.isQuery() && e.sql().contains("care_plan_id = $1"));
		assertNoFullReads(sent, "what-if replay");
	}

	/**
	 * The capacity forecast of one team reads that team's open plans (by the partial
	 * index on team), not every open plan of every team.
	 */
	@Test
	void theCapacityForecastOfATeamReadsNoBigTableWhole() throws Exception {
		List<StatementLog.Event> sent = log()
			.during(() -> get("admin", "/api/admin/capacity-forecast?team=hjerte&days=14"));
		assertThat(sent).anyMatch((e) -> e.isQuery() && e.sql().contains("team = any("));
		assertNoFullReads(sent, "capacity forecast");
	}

	/** The check itself: a statement no index serves is caught. */
	@Test
	void aStatementNoIndexServesIsCaught() throws Exception {
		List<StatementLog.Event> unindexed = List.of(new StatementLog.Event("c", "QUERY",
				"select * from measurement where source = $1 and triage_level = $2", List.of("PATIENT", "RED")));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoFullReads(unindexed, "unindexed"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("measurement in: select * from measurement where source");
	}

	private StatementLog log() {
		return this.heima.getBean(StatementLog.class);
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(this.heima))
			.responseTimeout(Duration.ofMinutes(5))
			.build();
	}

	private String get(String user, String path) {
		return HeimaInstance.get(this.heima, user, path);
	}

	private static String firstPatientId(JsonNode page) {
		for (JsonNode node : page.findValues("patientId")) {
			return node.asString();
		}
		throw new AssertionError("no item on the worklist: " + page);
	}

	/** Every distinct statement's plan, with the values it was sent with. */
	private void assertNoFullReads(List<StatementLog.Event> sent, String what) throws Exception {
		Map<String, List<Object>> statements = new LinkedHashMap<>();
		for (StatementLog.Event event : sent) {
			if (event.isQuery() && event.sql().matches("(?is)^(select|with|update|delete)\\b.*")) {
				statements.putIfAbsent(event.sql(), event.bindings());
			}
		}
		assertThat(statements).as(what + ": statements sent").isNotEmpty();
		TestDatabase.Server server = TestDatabase.get();
		List<String> fullReads = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(this.jdbcUrl, server.username(), server.password());
				Statement s = c.createStatement()) {
			s.execute("set enable_seqscan = off");
			for (Map.Entry<String, List<Object>> statement : statements.entrySet()) {
				if (statement.getKey().equals(OPEN_PLANS)) {
					continue;
				}
				JsonNode plan = QueryPlans.explain(s, statement.getKey(), statement.getValue(), false).get("Plan");
				for (String relation : QueryPlans.seqScans(plan)) {
					if (BIG.contains(relation)) {
						fullReads.add(relation + " in: " + statement.getKey());
					}
				}
			}
		}
		System.out.println("PLANS " + what + ": " + statements.size() + " distinct statements explained");
		assertThat(fullReads).as(what + ": sequential scans of big tables").isEmpty();
	}

}
