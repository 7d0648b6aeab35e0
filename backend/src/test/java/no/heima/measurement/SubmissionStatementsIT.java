package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.StatementLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Holds the number of SQL statements one measurement submission sends (issue 13: it was
 * 14 with BEGIN and COMMIT, then 9, now 6; each is a round trip on the request's
 * connection). Counted through r2dbc-proxy around the application's own connection
 * factory, inside the submission's transaction. A change that adds a statement fails here
 * and must say why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionStatementsIT extends IntegrationTest {

	/**
	 * BEGIN, care plans with their pauses, patient, one statement writing the
	 * measurement, the task completion, the outbox row and the audit row (data-modifying
	 * CTEs; three statements before), idempotency record, COMMIT. The pathway version
	 * comes from the cache.
	 */
	static final int GREEN_SUBMISSION = 6;

	@Autowired
	StatementLog statements;

	private String carePlanId;

	@BeforeAll
	void enrol() {
		this.carePlanId = enrol(registeredKari(), publishedPathway(definition()), 3);
		// the first submission fills the pathway version cache; the counted ones come
		// after
		submit(120);
	}

	@Test
	void oneGreenSubmissionRunsItsFixedNumberOfStatementsInOneTransaction() {
		List<StatementLog.Event> sent = this.statements.during(() -> submit(121));
		List<StatementLog.Event> transaction = StatementLog.transactionOf(sent, "insert into measurement");

		assertThat(transaction.get(0).kind()).isEqualTo("BEGIN");
		assertThat(transaction.get(transaction.size() - 1).kind()).isEqualTo("COMMIT");
		assertThat(transaction).as("statements of one submission: %s", transaction).hasSize(GREEN_SUBMISSION);
		// durable, outboxed, audited (one row) and idempotent, all inside that
		// transaction
		List<String> sql = transaction.stream()
			.filter(StatementLog.Event::isQuery)
			.map(StatementLog.Event::sql)
			.toList();
		assertThat(sql).filteredOn((s) -> s.contains("insert into measurement")).singleElement().satisfies((s) -> {
			assertThat(s).contains("insert into task_completion");
			assertThat(s).contains("insert into fhir_outbox");
			assertThat(s).contains("insert into audit_event");
		});
		assertThat(sql).filteredOn((s) -> s.contains("insert into fhir_outbox")).hasSize(1);
		assertThat(sql).filteredOn((s) -> s.contains("insert into audit_event")).hasSize(1);
		assertThat(sql).filteredOn((s) -> s.startsWith("insert into idempotency_record")).hasSize(1);
		assertThat(sql).noneMatch((s) -> s.contains("from pathway_version"));
	}

	@Test
	void aRetryRollsItsOwnWorkBackAndReplaysTheFirstAnswer() {
		String key = UUID.randomUUID().toString();
		String body = bloodPressure(122);
		post(key, body);
		List<StatementLog.Event> sent = this.statements.during(() -> post(key, body));
		List<StatementLog.Event> transaction = StatementLog.transactionOf(sent, "insert into measurement");
		assertThat(transaction.get(transaction.size() - 1).kind()).isEqualTo("ROLLBACK");
		assertThat(sent).anyMatch((e) -> e.isQuery() && e.sql().startsWith("select * from idempotency_record"));
	}

	private void submit(int systolic) {
		post(UUID.randomUUID().toString(), bloodPressure(systolic));
	}

	private void post(String key, String body) {
		as("pasient1").mutate()
			// the first submission meets a cold JVM (and, on a shared CI machine, a busy
			// one)
			.responseTimeout(java.time.Duration.ofMinutes(2))
			.build()
			.post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private String bloodPressure(int systolic) {
		return "{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + this.carePlanId + "\",\"activityId\":\"bp\","
				+ "\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"8480-6\",\"value\":" + systolic
				+ ",\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":70,\"unit\":\"mm[Hg]\"}]}";
	}

	private static Map<String, Object> definition() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		return Map.of("name", "Tellertest", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180),
								Map.of("code", "8462-4", "yellowHigh", 90, "redHigh", 110)))),
				"advice",
				Map.of("green", Map.of("nb", "Fortsett som før", "en", "Carry on"), "yellow",
						Map.of("nb", "Mål igjen", "en", "Measure again"), "red",
						Map.of("nb", "Ring avdelingen nå", "en", "Call the ward now")));
	}

}
