package no.heima.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.heima.population.PopulationGenerator;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The forecast against what the population generator then raised. The generator makes 60
 * days of a stationary population (each patient submits one measurement a day, blood
 * pressure or weight, triaged by the pathway's bounds); the forecast is made as of 14
 * days before the end, from the 28 days before that, and compared day by day with the
 * items the generator raised in those last 14 days with the same rates (a back-test: the
 * held-out days are the "next days"). Asserts only what is certain (every scheduled task
 * is counted) and a loose bound on the error; prints the figures (docs/benchmarks.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastBenchmarkIT {

	private static final int PATIENTS = Integer.getInteger("forecast.patients", 2_000);

	private static final int DAYS = 60;

	private static final int HORIZON = 14;

	private ScratchDatabase database;

	private ConfigurableApplicationContext heima;

	@BeforeAll
	void generate() throws Exception {
		this.database = new ScratchDatabase("heima_forecast");
		var server = this.database.server();
		PopulationGenerator.migrate(this.database.jdbcUrl(), server.username(), server.password());
		try (Connection c = this.database.connect()) {
			// every patient every day (the generator's rate is observations per
			// patient-day)
			PopulationGenerator.generate(c,
					new PopulationGenerator.Settings(PATIENTS, 2, (long) PATIENTS * DAYS, DAYS, 0.0, 16), (line) -> {
					});
		}
		Map<String, Object> properties = new HashMap<>(this.database.instanceProperties());
		properties.put("heima.worklist.missing.enabled", "false");
		properties.put("heima.fhir.sync.enabled", "false");
		this.heima = HeimaInstance.start(properties);
	}

	@AfterAll
	void stop() {
		if (this.heima != null) {
			this.heima.close();
		}
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	void theForecastOfTheNextTwoWeeksAgainstWhatWasRaised() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate cutoff = today.minusDays(HORIZON);
		List<String> teams = List.of(PopulationGenerator.team(0), PopulationGenerator.team(1));
		long started = System.nanoTime();
		CapacityForecast forecast = this.heima.getBean(ForecastService.class)
			.forecast(teams, cutoff, HORIZON, 0)
			.block(Duration.ofMinutes(5));
		long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
		Map<LocalDate, Long> actual = raisedPerDay(cutoff, today);

		StringBuilder out = new StringBuilder();
		out.append(String.format("Forecast benchmark: %d patients, history %d days, forecast from %s for %d days,"
				+ " rates from %s (%d ms)%n", PATIENTS, DAYS, cutoff, HORIZON, forecast.windowFrom(), took));
		out.append(String.format("%-10s %9s %9s %7s %7s %8s%n", "day", "scheduled", "expected", "90%-lo", "90%-hi",
				"actual"));
		double absolutePercent = 0;
		double expectedTotal = 0;
		long actualTotal = 0;
		int inside = 0;
		for (CapacityForecast.Day day : forecast.perDay()) {
			long raised = actual.getOrDefault(day.date(), 0L);
			absolutePercent += Math.abs(day.expected() - raised) / Math.max(1, raised);
			expectedTotal += day.expected();
			actualTotal += raised;
			inside += (raised >= day.low() && raised <= day.high()) ? 1 : 0;
			out.append(String.format("%-10s %9d %9.1f %7.1f %7.1f %8d  %+6.1f %%%n", day.date(), day.scheduled(),
					day.expected(), day.low(), day.high(), raised,
					100 * (day.expected() - raised) / Math.max(1, raised)));
			// the certain part: every plan's two daily tasks are counted
			assertThat(day.scheduled()).isEqualTo(2L * PATIENTS);
		}
		double mape = 100 * absolutePercent / HORIZON;
		double totalError = 100 * (expectedTotal - actualTotal) / Math.max(1, actualTotal);
		out.append(String.format(
				"MAPE per day %.1f %%; 14-day total expected %.0f, actual %d (%+.1f %%);"
						+ " %d of %d days inside the 90 %% interval%n",
				mape, expectedTotal, actualTotal, totalError, inside, HORIZON));
		forecast.rates()
			.forEach(
					(r) -> out
						.append(String.format(
								"rate %s/%s: scheduled %d, done %d, alerts %d, missed %d,"
										+ " items per task %.4f (%s)%n",
								r.pathway(), r.activityId(), r.scheduled(), r.done(), r.alerts(), r.missed(),
								r.itemsPerTask(), r.basis())));
		System.out.print(out);
		Path file = Path.of("target", "forecast-benchmark.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out.toString(), StandardCharsets.UTF_8);

		assertThat(actualTotal).isPositive();
		// loose: Poisson noise alone is about 5 % a day at this size
		assertThat(mape).isLessThan(30);
	}

	private Map<LocalDate, Long> raisedPerDay(LocalDate from, LocalDate to) throws Exception {
		Map<LocalDate, Long> counts = new HashMap<>();
		try (Connection c = this.database.connect();
				PreparedStatement s = c.prepareStatement(
						"""
								select (raised_at at time zone 'Europe/Oslo')::date as day, count(*) from worklist_item
								where (raised_at at time zone 'Europe/Oslo')::date >= ? and (raised_at at time zone 'Europe/Oslo')::date < ?
								group by 1
								""")) {
			s.setObject(1, from);
			s.setObject(2, to);
			try (ResultSet rows = s.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
				}
			}
		}
		return counts;
	}

}
