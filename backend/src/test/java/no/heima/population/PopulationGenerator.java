package no.heima.population;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Heima database with a hospital-sized population through {@code COPY}: patients
 * across teams (one pathway per team, each patient on one care plan), a year of blood
 * pressure and weight submissions with their task completions, and worklist items (most
 * resolved, a realistic share open). Migrates the database first (Flyway, the backend's
 * own migrations). Run it against an empty database:
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres heima_population
 * ./mvnw -B -o -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=no.heima.population.PopulationGenerator \
 *   -Dexec.args="jdbc:postgresql://127.0.0.1:5432/heima_population postgres 100000 200 10000000"
 * </pre>
 *
 * Arguments: JDBC URL, user, patients, teams, observations (measurements); the password,
 * if the server wants one, from {@code PGPASSWORD} as for PostgreSQL's own tools (an
 * empty argument does not survive {@code exec.args}, and a password on the command line
 * is seen by every user of the machine). Progress and the COPY rate go to standard
 * output. Rows are written in time order (day by day across all patients), as they would
 * have arrived. Every identifier starts with 99 (day 99: never a real fødselsnummer).
 */
public final class PopulationGenerator {

	/**
	 * What to make. {@code openShare}: the share of patients with open worklist items.
	 */
	public record Settings(int patients, int teams, long observations, int days, double openShare, long seed) {

		public static Settings of(int patients, int teams, long observations) {
			return new Settings(patients, teams, observations, 365, 0.04, 13);
		}

	}

	/** What was written, and how long it took. */
	public record Counts(long patients, long carePlans, long measurements, long completions, long openItems,
			long resolvedItems, Duration took) {
	}

	static final String SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1";

	private static final int CHUNK = 20_000;

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

	private static final String DEFINITION = """
			{"name":"Generert","activities":[{"id":"bp","type":"MEASUREMENT","title":"Blodtrykk","vital":"BLOOD_PRESSURE",\
			"schedule":{"kind":"DAILY","windowStart":"00:00","windowEnd":"23:59"},"thresholds":[{"code":"8480-6",\
			"yellowHigh":140,"redHigh":180},{"code":"8462-4","yellowHigh":90,"redHigh":110}]},{"id":"weight",\
			"type":"MEASUREMENT","title":"Vekt","vital":"BODY_WEIGHT","schedule":{"kind":"DAILY","windowStart":"00:00",\
			"windowEnd":"23:59"},"collectOnly":true,"collectOnlyReason":{"nb":"Bare til samtalen","en":"Only for the talk"}}],\
			"advice":{"green":{"nb":"Fortsett som før","en":"Carry on"},"yellow":{"nb":"Mål igjen","en":"Measure again"},\
			"red":{"nb":"Ring avdelingen nå","en":"Call the ward now"}}}""";

	private PopulationGenerator() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 5) {
			System.err.println("usage: PopulationGenerator <jdbc-url> <user> <patients> <teams> <observations>"
					+ " (password, if any, in PGPASSWORD)");
			System.exit(2);
		}
		String password = Objects.requireNonNullElse(System.getenv("PGPASSWORD"), "");
		Settings settings = Settings.of(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
		long started = System.nanoTime();
		migrate(args[0], args[1], password);
		System.out.printf("migrated in %.1f s%n", (System.nanoTime() - started) / 1e9);
		try (Connection c = DriverManager.getConnection(args[0], args[1], password)) {
			Counts counts = generate(c, settings,
					(line) -> System.out.printf("%7.1f s  %s%n", (System.nanoTime() - started) / 1e9, line));
			System.out.println(counts);
			System.out.printf(
					"POPULATION %,d patients, %,d measurements, %,d open items, %,d resolved items in %d s"
							+ " (%,.0f measurements/s with their completions and items)%n",
					counts.patients(), counts.measurements(), counts.openItems(), counts.resolvedItems(),
					counts.took().toSeconds(),
					counts.measurements() / Math.max(1.0, counts.took().toMillis() / 1000.0));
		}
	}

	/** The backend's migrations, as at start-up. */
	public static void migrate(String jdbcUrl, String user, String password) {
		Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
	}

	public static Counts generate(Connection c, Settings s, java.util.function.Consumer<String> progress)
			throws SQLException, IOException {
		long started = System.nanoTime();
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		Random random = new Random(s.seed());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate first = today.minusDays(s.days());

		UUID[] pathways = new UUID[s.teams()];
		StringBuilder rows = new StringBuilder();
		for (int t = 0; t < s.teams(); t++) {
			pathways[t] = uuid(random);
			rows.append(pathways[t])
				.append('\t')
				.append(team(t))
				.append("\tGenerert ")
				.append(t)
				.append("\tgenerator\n");
		}
		copy.copyIn("copy pathway (id, team, name, created_by) from stdin", new StringReader(rows.toString()));
		rows.setLength(0);
		for (int t = 0; t < s.teams(); t++) {
			rows.append(pathways[t]).append("\t1\t").append(DEFINITION.replace("\\", "\\\\")).append("\tgenerator\n");
		}
		copy.copyIn("copy pathway_version (pathway_id, version, definition, published_by) from stdin",
				new StringReader(rows.toString()));

		UUID[] patients = new UUID[s.patients()];
		UUID[] plans = new UUID[s.patients()];
		String[] names = new String[s.patients()];
		Chunks patientRows = new Chunks(copy,
				"copy patient (id, identifier_system, identifier_value, given_name, family_name, birth_date) from stdin");
		Chunks teamRows = new Chunks(copy, "copy patient_team (patient_id, team) from stdin");
		Chunks planRows = new Chunks(copy, "copy care_plan (id, patient_id, pathway_id, pathway_version, team,"
				+ " start_date, created_at, created_by) from stdin");
		for (int p = 0; p < s.patients(); p++) {
			patients[p] = uuid(random);
			plans[p] = uuid(random);
			names[p] = "Generert Pasient " + p;
			int t = p % s.teams();
			patientRows.add(patients[p] + "\t" + SYSTEM + "\t99" + String.format("%09d", p) + "\tGenerert\tPasient " + p
					+ "\t" + LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000)) + "\n");
			teamRows.add(patients[p] + "\t" + team(t) + "\n");
			planRows.add(plans[p] + "\t" + patients[p] + "\t" + pathways[t] + "\t1\t" + team(t) + "\t" + first + "\t"
					+ TS.format(first.atStartOfDay(ZoneOffset.UTC)) + "\tgenerator\n");
		}
		patientRows.flush();
		teamRows.flush();
		planRows.flush();
		progress.accept("patients and care plans: " + s.patients());

		// each patient submits on about observations/patients of the days, in time order
		Chunks measurements = new Chunks(copy,
				"copy measurement (id, patient_id, care_plan_id, activity_id, vital, values, entered, measured_at,"
						+ " received_at, source, triage_level, triage, submission_id, created_by) from stdin");
		Chunks completions = new Chunks(copy,
				"copy task_completion (care_plan_id, activity_id, due_date, completed_at, submission_id) from stdin");
		Chunks items = new Chunks(copy,
				"copy worklist_item (id, patient_id, patient_name, patient_system, patient_value, care_plan_id, team,"
						+ " kind, source_key, activity_id, level, summary, reasons, raised_at, due_at, status,"
						+ " resolved_at, resolved_by) from stdin");
		double perDay = Math.min(1.0, (double) s.observations() / s.patients() / s.days());
		long written = 0;
		long resolved = 0;
		for (int d = 0; d < s.days() && written < s.observations(); d++) {
			LocalDate day = first.plusDays(d);
			for (int p = 0; p < s.patients() && written < s.observations(); p++) {
				if (random.nextDouble() >= perDay) {
					continue;
				}
				boolean bp = random.nextInt(4) != 0;
				ZonedDateTime at = day.atTime(6 + random.nextInt(14), random.nextInt(60)).atZone(ZoneOffset.UTC);
				UUID id = uuid(random);
				String level;
				String values;
				if (bp) {
					int systolic = 110 + (int) Math.abs(random.nextGaussian() * 25);
					level = (systolic >= 180) ? "RED" : (systolic >= 140) ? "YELLOW" : "GREEN";
					values = "[{\"code\":\"8480-6\",\"value\":" + systolic
							+ ",\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":80,\"unit\":\"mm[Hg]\"}]";
				}
				else {
					level = "GREEN";
					values = "[{\"code\":\"29463-7\",\"value\":" + (60 + random.nextInt(50)) + ",\"unit\":\"kg\"}]";
				}
				String activity = bp ? "bp" : "weight";
				String triage = "{\"triage\":{\"level\":\"" + level
						+ "\",\"reasons\":[],\"assessed\":true},\"advice\":null}";
				measurements.add(id + "\t" + patients[p] + "\t" + plans[p] + "\t" + activity + "\t"
						+ (bp ? "BLOOD_PRESSURE" : "BODY_WEIGHT") + "\t" + values + "\t" + values + "\t" + TS.format(at)
						+ "\t" + TS.format(at.plusSeconds(1)) + "\tPATIENT\t" + level + "\t" + triage + "\t" + id
						+ "\tgenerated\n");
				completions.add(plans[p] + "\t" + activity + "\t" + day + "\t" + TS.format(at) + "\t" + id + "\n");
				if (!"GREEN".equals(level)) {
					// earlier items were handled; the open ones are added below
					resolved++;
					items.add(uuid(random) + "\t" + patients[p] + "\t" + names[p] + "\t" + SYSTEM + "\t99"
							+ String.format("%09d", p) + "\t" + plans[p] + "\t" + team(p % s.teams())
							+ "\tMEASUREMENT\t" + id + "\t" + activity + "\t" + level + "\tBlodtrykk\t[]\t"
							+ TS.format(at) + "\t" + TS.format(at.plusHours(4)) + "\tRESOLVED\t"
							+ TS.format(at.plusHours(1)) + "\tgenerator\n");
				}
				written++;
			}
			if (d % 30 == 0) {
				progress.accept("day " + d + ": " + written + " measurements");
			}
		}
		// the open share: items raised in the last days, some missed tasks among them
		long open = 0;
		for (int p = 0; p < s.patients(); p++) {
			if (random.nextDouble() >= s.openShare()) {
				continue;
			}
			int n = 1 + random.nextInt(3);
			for (int i = 0; i < n; i++) {
				ZonedDateTime at = today.minusDays(random.nextInt(3))
					.atTime(random.nextInt(20), random.nextInt(60))
					.atZone(ZoneOffset.UTC);
				boolean missing = i == 2;
				String level = missing ? "YELLOW" : (random.nextInt(3) == 0) ? "RED" : "YELLOW";
				items.add(uuid(random) + "\t" + patients[p] + "\t" + names[p] + "\t" + SYSTEM + "\t99"
						+ String.format("%09d", p) + "\t" + plans[p] + "\t" + team(p % s.teams()) + "\t"
						+ (missing ? "MISSING" : "MEASUREMENT") + "\topen-" + p + "-" + i + "\tbp\t" + level
						+ "\tBlodtrykk\t[]\t" + TS.format(at) + "\t" + TS.format(at.plusHours(4))
						+ "\tOPEN\t\\N\t\\N\n");
				open++;
			}
		}
		measurements.flush();
		completions.flush();
		items.flush();
		try (Statement st = c.createStatement()) {
			st.execute("analyze");
		}
		return new Counts(s.patients(), s.patients(), written, written, open, resolved,
				Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * The first two are the demo teams, so the demo nurses see part of the population.
	 */
	public static String team(int t) {
		return switch (t) {
			case 0 -> "hjerte";
			case 1 -> "lunge";
			default -> "gen-" + String.format("%03d", t);
		};
	}

	private static UUID uuid(Random random) {
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
	}

	/** Rows buffered and sent in chunks, one COPY each. */
	private static final class Chunks {

		private final CopyManager copy;

		private final String sql;

		private final StringBuilder rows = new StringBuilder();

		private int count;

		Chunks(CopyManager copy, String sql) {
			this.copy = copy;
			this.sql = sql;
		}

		void add(String row) throws SQLException, IOException {
			this.rows.append(row);
			if (++this.count == CHUNK) {
				flush();
			}
		}

		void flush() throws SQLException, IOException {
			if (this.count > 0) {
				this.copy.copyIn(this.sql, new StringReader(this.rows.toString()));
				this.rows.setLength(0);
				this.count = 0;
			}
		}

	}

}
