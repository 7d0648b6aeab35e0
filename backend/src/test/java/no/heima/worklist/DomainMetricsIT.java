package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The domain metrics on {@code /actuator/prometheus}, under the names deploy/RUNBOOK.md
 * and the Grafana dashboard use: a red blood pressure counts one accepted submission and
 * one red alert, and the worklist gauges follow the database (open, then over deadline).
 */
class DomainMetricsIT extends IntegrationTest {

	private static final String SUBMITTED_RED = "heima_submissions_accepted_total{kind=\"measurement\",level=\"RED\"}";

	private static final String ALERTS_RED = "heima_alerts_raised_total{level=\"RED\"}";

	@Autowired
	WorklistGauges gauges;

	@Autowired
	DatabaseClient db;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void tracingIsWiredThroughOpenTelemetryButExportsNothingWithoutAnEndpoint() {
		assertThat(this.context.getBean(io.micrometer.tracing.Tracer.class).getClass().getName()).contains("otel");
		assertThat(this.context.getBeansOfType(io.opentelemetry.sdk.trace.export.SpanExporter.class).values())
			.noneMatch((exporter) -> exporter.getClass().getName().contains("Otlp"));
		// (that spans do go out when an endpoint is set: deploy/checks ExecutableJarIT)
	}

	@Test
	void aRedMeasurementIsCountedAndTheWorklistGaugesFollowTheDatabase() {
		String carePlanId = enrol();
		this.gauges.refresh().block();
		String before = scrape();
		assertThat(before).contains("# TYPE heima_submissions_accepted_total counter");
		for (String name : List.of("heima_submissions_accepted_total", "heima_alerts_raised_total",
				"heima_worklist_open", "heima_worklist_overdue", "heima_fhir_outbox_pending",
				"heima_fhir_outbox_parked", "heima_fhir_outbox_oldest_seconds")) {
			assertThat(before).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
		}

		String itemSource = submitRedBloodPressure(carePlanId);
		this.gauges.refresh().block();
		String after = scrape();
		assertThat(value(after, SUBMITTED_RED) - value(before, SUBMITTED_RED)).isEqualTo(1.0);
		assertThat(value(after, ALERTS_RED) - value(before, ALERTS_RED)).isEqualTo(1.0);
		assertThat(value(after, "heima_worklist_open{level=\"RED\"}")).isEqualTo(count("status <> 'RESOLVED'"));

		// its deadline passes
		this.db.sql("update worklist_item set due_at = now() - interval '1 minute' where source_key = :s")
			.bind("s", itemSource)
			.fetch()
			.rowsUpdated()
			.block();
		this.gauges.refresh().block();
		double overdue = value(scrape(), "heima_worklist_overdue{level=\"RED\"}");
		assertThat(overdue).isGreaterThanOrEqualTo(1).isEqualTo(count("status <> 'RESOLVED' and due_at < now()"));
	}

	private double count(String where) {
		return this.db.sql("select count(*) from worklist_item where level = 'RED' and " + where)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static double value(String scrape, String series) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
		assertThat(m.find()).as(series + " in\n" + scrape.lines().filter((l) -> l.startsWith("heima_")).toList())
			.isTrue();
		return Double.parseDouble(m.group(1));
	}

	private String scrape() {
		// the scrape needs the ADMIN role (issue 11)
		return as("admin").get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String enrol() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		UUID pathway = publishedPathway(Map.of("name", "Metrikktest", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180))))));
		return enrol(registeredKari(), pathway, 1);
	}

	private String submitRedBloodPressure(String carePlanId) {
		return (String) as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + carePlanId
					+ "\",\"activityId\":\"bp\",\"measuredAt\":\"" + Instant.now()
					+ "\",\"values\":[{\"code\":\"8480-6\",\"value\":190,\"unit\":\"mm[Hg]\"},"
					+ "{\"code\":\"8462-4\",\"value\":95,\"unit\":\"mm[Hg]\"}]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
