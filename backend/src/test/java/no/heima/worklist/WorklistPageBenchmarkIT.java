package no.heima.worklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.VolumeSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Prints how long {@code GET /api/worklist} takes for pages of 50 and 200 with 1,000 and
 * 10,000 open items of one team (median and slowest of 20 requests over HTTP, after a
 * warm-up). A figure for docs/benchmarks.md, not an assertion; off in the normal build:
 *
 * <pre>
 * ./mvnw -B -pl backend verify -Dit.test=WorklistPageBenchmarkIT -Dheima.benchmarks=true \
 *   -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "heima.benchmarks", matches = "true")
class WorklistPageBenchmarkIT extends IntegrationTest {

	private static final int RUNS = 20;

	@Autowired
	DatabaseClient db;

	@Test
	void pagesOf50And200With1000And10000OpenItems() {
		Map<?, ?> pathway = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Volum måling", "activities",
					List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
							"schedule", Map.of("kind", "DAILY", "windowStart", "08:00", "windowEnd", "20:00"),
							"collectOnly", true, "collectOnlyReason",
							Map.of("nb", "Bare samlet inn i denne testen", "en", "Only collected in this test"))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("admin").post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		UUID pathwayId = UUID.fromString((String) pathway.get("id"));
		VolumeSeed thousand = new VolumeSeed(this.db);
		VolumeSeed more = new VolumeSeed(this.db);
		try {
			thousand.openItems("hjerte", thousand.patients("hjerte", 1000, pathwayId), 1);
			List<String> lines = new ArrayList<>();
			lines.add(measure(1000, 50));
			lines.add(measure(1000, 200));
			more.openItems("hjerte", more.patients("hjerte", 9000, pathwayId), 1);
			lines.add(measure(10000, 50));
			lines.add(measure(10000, 200));
			lines.forEach(System.out::println);
		}
		finally {
			thousand.remove();
			more.remove();
		}
	}

	private String measure(int items, int size) {
		var nurse = as("sykepleier1");
		for (int i = 0; i < 5; i++) {
			nurse.get().uri("/api/worklist?size=" + size).exchange().expectStatus().isOk();
		}
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			nurse.get().uri("/api/worklist?size=" + size).exchange().expectStatus().isOk().expectBody().returnResult();
			millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		millis.sort(Long::compare);
		return String.format("WORKLIST-BENCHMARK open items %,d, size %d: median %d ms, slowest %d ms (%d requests)",
				items, size, millis.get(RUNS / 2), millis.get(RUNS - 1), RUNS);
	}

}
