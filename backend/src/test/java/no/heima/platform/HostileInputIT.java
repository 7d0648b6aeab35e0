package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the hostile corpus under {@code src/test/resources/bad-input/} against the whole
 * application: every case must be answered (per-request timeout) with a 4xx
 * {@code application/problem+json} of the declared status and type, and no table that
 * holds patient data, work or submissions may change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends IntegrationTest {

	private static final List<String> TABLES = List.of("measurement", "questionnaire_response", "response_draft",
			"care_plan", "care_plan_pause", "patient", "fhir_outbox", "worklist_item", "idempotency_record",
			"task_completion", "message", "attachment");

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private final Map<String, String> values = new LinkedHashMap<>();

	@BeforeAll
	void enrolKari() {
		UUID pathway = UUID.fromString((String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Fiendtlig input", "activities",
					List.of(Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
							"schedule", Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59"),
							"collectOnly", true, "collectOnlyReason",
							Map.of("nb", "Bare samlet inn i denne testen", "en", "Only collected in this test"))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		as("admin").post().uri("/api/pathways/" + pathway + "/publish").exchange().expectStatus().isOk();
		UUID patient = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
		Map<?, ?> plan = as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate", today.minusDays(2).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.values.put("carePlanId", (String) plan.get("id"));
		this.values.put("carePlanVersion", String.valueOf(plan.get("version")));
		this.values.put("pathwayId", pathway.toString());
		this.values.put("patientId", patient.toString());
		this.values.put("today", today.toString());
	}

	@Test
	void everyHostileCaseIsRefusedWithAProblemAndNothingIsStored() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:bad-input/*.json");
		assertThat(files).isNotEmpty();
		Map<String, Long> before = counts();
		List<String> failures = new ArrayList<>();
		int cases = 0;
		Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
		for (Resource file : files) {
			// a plain reader: the corpus holds bodies (raw photo bytes) the application's
			// strict
			// mapper would itself refuse
			JsonNode corpus = JsonMapper.builder().build().readTree(file.getInputStream());
			String fileCaller = corpus.get("caller").asString();
			for (JsonNode c : corpus.get("cases")) {
				cases++;
				String name = file.getFilename() + " / " + c.get("name").asString();
				String caller = c.has("caller") ? c.get("caller").asString() : fileCaller;
				EntityExchangeResult<byte[]> result;
				try {
					result = play(c, caller);
				}
				catch (AssertionError | IllegalStateException timeoutOrError) {
					failures.add(name + ": no answer (" + timeoutOrError.getMessage() + ")");
					continue;
				}
				int status = result.getStatus().value();
				byStatus.merge(status, 1, Integer::sum);
				String expected = c.get("status").asString();
				boolean statusOk = "4xx".equals(expected) ? status >= 400 && status < 500
						: status == Integer.parseInt(expected);
				MediaType type = result.getResponseHeaders().getContentType();
				String body = (result.getResponseBody() != null)
						? new String(result.getResponseBody(), StandardCharsets.UTF_8) : "";
				if (!statusOk || type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
					failures.add(name + ": " + status + " " + type + " " + abbreviate(body));
					continue;
				}
				if (c.has("type")) {
					String problemType = this.json.readTree(body).path("type").asString();
					if (!c.get("type").asString().equals(problemType)) {
						failures.add(name + ": type " + problemType + ", expected " + c.get("type").asString());
					}
				}
			}
		}
		Map<String, Long> after = counts();
		System.out.printf("HostileInputIT: %d cases in %d files; statuses %s; %d failures%n", cases, files.length,
				byStatus, failures.size());
		assertThat(cases).isGreaterThanOrEqualTo(400);
		assertThat(failures).isEmpty();
		assertThat(after).isEqualTo(before);
	}

	private EntityExchangeResult<byte[]> play(JsonNode c, String caller) {
		WebTestClient client = "anonymous".equals(caller)
				? this.web.mutate().responseTimeout(Duration.ofSeconds(20)).build() : as(caller);
		String path = fill(c.get("path").asString());
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(c.get("method").asString()))
			// absolute and as written: the corpus's %00 must reach the server undecoded
			.uri(java.net.URI.create("http://localhost:" + this.port + path))
			.header("Idempotency-Key", UUID.randomUUID().toString());
		if (c.has("headers")) {
			c.get("headers")
				.properties()
				.forEach((h) -> request.headers((headers) -> headers.set(h.getKey(), fill(h.getValue().asString()))));
		}
		WebTestClient.RequestHeadersSpec<?> ready = request;
		if (c.hasNonNull("body")) {
			ready = request.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(fill(c.get("body").asString()).getBytes(StandardCharsets.UTF_8));
		}
		return ready.exchange().expectBody().returnResult();
	}

	private String fill(String template) {
		String filled = template.replace("{{now}}", Instant.now().toString());
		for (Map.Entry<String, String> value : this.values.entrySet()) {
			filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		return filled;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table,
					this.db.sql("select count(*) as n from " + table)
						.map((row) -> row.get("n", Long.class))
						.one()
						.block(Duration.ofSeconds(30)));
		}
		return counts;
	}

	private static String abbreviate(String body) {
		return (body.length() > 200) ? body.substring(0, 200) + "..." : body;
	}

}
