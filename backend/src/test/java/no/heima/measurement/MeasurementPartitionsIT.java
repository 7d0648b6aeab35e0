package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Observations partitioned by month (V13_5): the conversion of a filled, unpartitioned
 * table keeps every row (each in its month), the application's own role (not the owner)
 * makes months ahead, and a value of a month without a partition waits in the default
 * partition until its month is made.
 */
class MeasurementPartitionsIT extends IntegrationTest {

	@Autowired
	MeasurementPartitions partitions;

	@Test
	void theApplicationsRoleMakesTheMonthsAhead() throws SQLException {
		// made by the migration already; the job (as the application's role) finds them
		assertThat(this.partitions.ensure().block(Duration.ofSeconds(30))).isZero();
		YearMonth month = YearMonth.now(ZoneOffset.UTC);
		try (Connection c = owner(TestDatabase.get().url())) {
			for (int i = 0; i <= 3; i++) {
				assertThat(partitionExists(c, month.plusMonths(i))).as(month.plusMonths(i).toString()).isTrue();
			}
			assertThat(query(c,
					"select count(*) from pg_partitioned_table" + " where partrelid = 'measurement'::regclass"))
				.containsExactly("1");
		}
	}

	@Test
	void aValueOfAMonthWithoutPartitionMovesToItsMonthWhenItIsMade() throws SQLException {
		UUID patient = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		UUID id = UUID.randomUUID();
		try (Connection c = owner(TestDatabase.get().url()); Statement s = c.createStatement()) {
			s.execute("insert into measurement (id, patient_id, vital, values, entered, measured_at, source,"
					+ " triage_level, triage, submission_id, created_by) values ('" + id + "', '" + patient
					+ "', 'BODY_WEIGHT', '[]', '[]', '1999-03-10T12:00:00Z', 'PATIENT', 'GREEN', '{}', '" + id
					+ "', 'test')");
			assertThat(query(c, "select tableoid::regclass::text from measurement where id = '" + id + "'"))
				.containsExactly("measurement_default");
			assertThat(query(c, "select heima_measurement_month('1999-03-01')")).containsExactly("t");
			assertThat(query(c, "select tableoid::regclass::text from measurement where id = '" + id + "'"))
				.containsExactly("measurement_y1999m03");
			assertThat(query(c, "select count(*) from measurement_default where id = '" + id + "'"))
				.containsExactly("0");
		}
	}

	@Test
	void convertingAFilledTableKeepsEveryRowInItsMonth() throws SQLException {
		TestDatabase.Server server = TestDatabase.get();
		String base = server.url().substring(0, server.url().lastIndexOf('/'));
		String database = "heima_partitions_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = owner(base + "/postgres"); Statement s = c.createStatement()) {
			s.execute("create database " + database);
		}
		String jdbc = "jdbc:" + base + "/" + database;
		try {
			// the schema as it was before this change, with rows in it
			MigrationVersion partitioned = MigrationVersion.fromVersion("13.5");
			MigrationVersion before = java.util.Arrays.stream(flyway(jdbc).load().info().all())
				.map(MigrationInfo::getVersion)
				.filter((v) -> v != null && v.compareTo(partitioned) < 0)
				.max(MigrationVersion::compareTo)
				.orElseThrow();
			flyway(jdbc).target(before).load().migrate();
			UUID patient = UUID.randomUUID();
			try (Connection c = owner(base + "/" + database); Statement s = c.createStatement()) {
				s.execute("insert into patient (id, identifier_system, identifier_value, given_name, family_name,"
						+ " birth_date) values ('" + patient + "', 'urn:oid:2.16.578.1.12.4.1.4.1', '12837540028',"
						+ " 'Kari', 'Nordvik', '1975-03-12')");
				for (String at : List.of("2024-01-31T23:59:59Z", "2024-02-01T00:00:00Z", "2026-06-15T08:00:00Z")) {
					s.execute("insert into measurement (id, patient_id, vital, values, entered, measured_at, source,"
							+ " triage_level, triage, submission_id, created_by) values (gen_random_uuid(), '" + patient
							+ "', 'BODY_WEIGHT', '[]', '[]', '" + at
							+ "', 'PATIENT', 'GREEN', '{}', gen_random_uuid(), 'test')");
				}
			}
			flyway(jdbc).load().migrate();
			try (Connection c = owner(base + "/" + database)) {
				assertThat(query(c, "select tableoid::regclass::text from measurement order by measured_at"))
					.containsExactly("measurement_y2024m01", "measurement_y2024m02", "measurement_y2026m06");
				assertThat(query(c, "select count(*) from measurement_default")).containsExactly("0");
				assertThat(query(c, "select to_regclass('measurement_unpartitioned') is null")).containsExactly("t");
				assertThat(query(c, "select indexdef from pg_indexes where tablename = 'measurement' order by 1"))
					.containsExactly(
							"CREATE INDEX measurement_care_plan_idx ON ONLY public.measurement USING btree (care_plan_id, measured_at)",
							"CREATE INDEX measurement_patient_idx ON ONLY public.measurement USING btree (patient_id, vital, measured_at)",
							"CREATE UNIQUE INDEX measurement_pkey ON ONLY public.measurement USING btree (id, measured_at)");
			}
		}
		finally {
			try (Connection c = owner(base + "/postgres"); Statement s = c.createStatement()) {
				s.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String jdbc) {
		TestDatabase.Server server = TestDatabase.get();
		return Flyway.configure()
			.dataSource(jdbc, server.username(), server.password())
			.locations("classpath:db/migration")
			.outOfOrder(true);
	}

	private static boolean partitionExists(Connection c, YearMonth month) throws SQLException {
		String name = "measurement_y%dm%02d".formatted(month.getYear(), month.getMonthValue());
		return query(c, "select count(*) from pg_inherits where inhparent = 'measurement'::regclass"
				+ " and inhrelid = to_regclass('" + name + "')")
			.equals(List.of("1"));
	}

	private static Connection owner(String url) throws SQLException {
		TestDatabase.Server server = TestDatabase.get();
		return DriverManager.getConnection("jdbc:" + url, server.username(), server.password());
	}

	private static List<String> query(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
