package local.heima.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules parse, every alert has its section in
 * deploy/RUNBOOK.md, and every Heima metric they query is one the runbook explains. That
 * each metric exists on the real jar's /actuator/prometheus is checked by
 * ExecutableJarIT.
 */
class ObservabilityFilesTest {

	private static final Path DEPLOY = Path.of(System.getProperty("heima.deploy", "..")).toAbsolutePath().normalize();

	private final ObservabilityFiles files = new ObservabilityFiles(DEPLOY);

	@Test
	void theDashboardParsesAndEveryPanelQueriesPrometheus() throws Exception {
		Map<String, Object> dashboard = this.files.dashboard();
		assertThat(dashboard).containsKeys("title", "uid", "panels", "schemaVersion");
		List<String> queries = this.files.dashboardQueries();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(10).allSatisfy((q) -> assertThat(q).isNotBlank());
		// the domain metrics the issue names are all on it
		assertThat(String.join("\n", queries)).contains("heima_submissions_accepted_total", "heima_alerts_raised_total",
				"heima_worklist_open", "heima_worklist_overdue", "heima_fhir_outbox_pending",
				"heima_fhir_outbox_parked", "heima_fhir_outbox_oldest_seconds");
	}

	@Test
	void everyAlertHasARunbookSectionAndEveryHeimaMetricIsExplained() throws Exception {
		String runbook = Files.readString(DEPLOY.resolve("RUNBOOK.md"));
		Set<String> sections = runbook.lines()
			.filter((l) -> l.startsWith("### "))
			.map((l) -> l.substring(4).trim())
			.collect(Collectors.toSet());
		List<Map<String, Object>> alerts = this.files.alertRules();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
		for (Map<String, Object> alert : alerts) {
			assertThat(alert).containsKeys("alert", "expr", "labels");
			assertThat(sections).as("runbook section for " + alert.get("alert")).contains((String) alert.get("alert"));
			assertThat(((Map<?, ?>) alert.get("labels")).get("severity")).isIn("critical", "warning");
		}
		assertThat(sections).as("no section for an alert that does not exist")
			.isSubsetOf(alerts.stream().map((a) -> (String) a.get("alert")).toList());
		for (String metric : this.files.queriedMetrics()) {
			if (metric.startsWith("heima_")) {
				assertThat(runbook).as(metric + " in the runbook's table").contains("`" + metric);
			}
		}
	}

	@Test
	void metricNamesAreFoundInPromql() {
		assertThat(ObservabilityFiles
			.metricsIn("sum by (level) (increase(heima_alerts_raised_total{job=\"heima\", level=~\"RED|x\"}[1h])) > 0"))
			.containsExactly("heima_alerts_raised_total");
		assertThat(ObservabilityFiles.metricsIn("count(up{job=\"heima\"} == 1) < 2 or absent(up{job=\"heima\"} == 1)"))
			.containsExactly("up");
		assertThat(ObservabilityFiles.metricsIn("sum(a_total[5m]) / sum(b_count) and on() hour() >= 7"))
			.containsExactly("a_total", "b_count");
	}

}
