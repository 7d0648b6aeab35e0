package no.heima.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.population.PopulationGenerator;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small generated population (the population generator, a database of its own) with one
 * scored questionnaire response added, and two Heima replicas on it, as a hospital runs
 * them.
 */
final class ExportPopulation implements AutoCloseable {

	static final String SECRET = "test-only-pseudonym-secret-0123456789abcdef";

	static final String PHQ9 = "https://heima.example/fhir/Questionnaire/phq-9|1.0.0";

	final String database;

	final String jdbcUrl;

	final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	ExportPopulation(PopulationGenerator.Settings settings, int replicas) throws Exception {
		TestDatabase.Server server = TestDatabase.get();
		String root = server.url().substring(0, server.url().lastIndexOf('/'));
		this.database = "heima_export_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = DriverManager.getConnection("jdbc:" + root + "/postgres", server.username(),
				server.password()); Statement s = c.createStatement()) {
			s.execute("create database " + this.database);
		}
		this.jdbcUrl = "jdbc:" + root + "/" + this.database;
		PopulationGenerator.migrate(this.jdbcUrl, server.username(), server.password());
		try (Connection c = connect()) {
			PopulationGenerator.generate(c, settings, (line) -> {
			});
			addResponse(c);
		}
		Map<String, Object> properties = new HashMap<>(Map.of("heima.db.url", root + "/" + this.database,
				"heima.db.username", server.username(), "heima.db.password", server.password(),
				"heima.worklist.missing.enabled", "false", "heima.fhir.sync.enabled", "false",
				"heima.export.pseudonym-secret", SECRET, "heima.export.poll-interval", "300ms",
				"heima.export.chunk-bytes", "4096", "heima.export.lease", "5s"));
		for (int i = 0; i < replicas; i++) {
			this.replicas.add(HeimaInstance.start(properties));
		}
	}

	String url(int replica) {
		return HeimaInstance.baseUrl(this.replicas.get(replica));
	}

	Connection connect() throws SQLException {
		TestDatabase.Server server = TestDatabase.get();
		return DriverManager.getConnection(this.jdbcUrl, server.username(), server.password());
	}

	/** Rows of a query, each as its columns' text. */
	List<List<String>> query(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			int columns = r.getMetaData().getColumnCount();
			while (r.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(r.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	void execute(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	/** A PHQ-9 total of 7 for the first patient of team hjerte, scored and triaged. */
	private static void addResponse(Connection c) throws SQLException {
		String patient;
		String plan;
		String identifier;
		try (Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select cp.patient_id, cp.id, p.identifier_value from care_plan cp"
						+ " join patient p on p.id = cp.patient_id where cp.team = 'hjerte' order by p.identifier_value"
						+ " limit 1")) {
			r.next();
			patient = r.getString(1);
			plan = r.getString(2);
			identifier = r.getString(3);
		}
		String id = UUID.randomUUID().toString();
		String resource = """
				{"resourceType":"QuestionnaireResponse","questionnaire":"%s","status":"completed",
				"subject":{"identifier":{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}},
				"authored":"2026-11-30T08:00:00Z","item":[{"linkId":"phq9-total","answer":[{"valueInteger":7}]}]}"""
			.formatted(PHQ9, identifier);
		String stored = """
				{"id":"%s","carePlanId":"%s","activityId":"phq","date":"2026-11-30","questionnaire":"%s",
				"authored":"2026-11-30T08:00:00Z","receivedAt":"2026-11-30T08:00:01Z","scores":[{"linkId":"phq9-total",
				"value":7,"valueText":null,"loinc":"44261-6","hidden":false}],
				"triage":{"level":"GREEN","reasons":[],"assessed":true},"advice":null}""".formatted(id, plan, PHQ9);
		try (PreparedStatement insert = c.prepareStatement("""
				insert into questionnaire_response (id, patient_id, care_plan_id, activity_id, due_date, questionnaire,
				  resource, scores, authored, received_at, triage_level, triage, created_by)
				values (?::uuid, ?::uuid, ?::uuid, 'phq', date '2026-11-30', ?, ?::jsonb,
				  '[{"linkId":"phq9-total","value":7,"valueText":null,"loinc":"44261-6","hidden":false}]'::jsonb,
				  timestamptz '2026-11-30T08:00:00Z', timestamptz '2026-11-30T08:00:01Z', 'GREEN', ?::jsonb, 'test')
				""")) {
			insert.setString(1, id);
			insert.setString(2, patient);
			insert.setString(3, plan);
			insert.setString(4, PHQ9);
			insert.setString(5, resource);
			insert.setString(6, stored);
			insert.executeUpdate();
		}
	}

	@Override
	public void close() throws Exception {
		for (ConfigurableApplicationContext replica : this.replicas) {
			replica.close();
		}
		TestDatabase.Server server = TestDatabase.get();
		String root = server.url().substring(0, server.url().lastIndexOf('/'));
		try (Connection c = DriverManager.getConnection("jdbc:" + root + "/postgres", server.username(),
				server.password()); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + this.database + " with (force)");
		}
	}

}
