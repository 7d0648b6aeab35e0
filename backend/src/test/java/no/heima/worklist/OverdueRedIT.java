package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.audit.AuditLog;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A red item nobody takes: with the clock fixed just before its deadline nothing happens;
 * just after, it is escalated once to the team's configured contact (however many
 * replicas scan), every nurse of the team sees it overdue and escalated, and the metrics
 * count it. A red item someone took is not escalated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueRedIT extends IntegrationTest {

	private static final OverdueRed.Settings SETTINGS = new OverdueRed.Settings(true, Duration.ofMinutes(1),
			Map.of("hjerte", new OverdueRed.Settings.Team("tlf 00 00 00 00", "Vakthavende lege")));

	@Autowired
	DatabaseClient db;

	@Autowired
	WorklistRepository repository;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionalOperator tx;

	private String carePlanId;

	private UUID patientId;

	@BeforeAll
	void enrol() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<?, ?> pathway = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition",
					Map.of("name", "Eskaleringstest", "activities",
							List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital",
									"BLOOD_PRESSURE", "schedule", daily, "thresholds",
									List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180)))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("admin").post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		this.patientId = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		this.carePlanId = (String) as("sykepleier1").post()
			.uri("/api/patients/" + this.patientId + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@Test
	void anUntakenRedItemPastItsDeadlineIsEscalatedOnce() {
		Map<String, Object> item = redItem();
		Instant due = Instant.parse((String) item.get("dueAt"));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();

		OverdueRed before = replica(Clock.fixed(due.minusSeconds(1), ZoneId.of("Europe/Oslo")), meters);
		before.scan().block();
		assertThat(find(item).get("escalatedAt")).as("not yet at its deadline").isNull();

		Clock after = Clock.fixed(due.plusSeconds(1), ZoneId.of("Europe/Oslo"));
		OverdueRed replicaA = replica(after, meters);
		OverdueRed replicaB = replica(after, meters);
		replicaA.scan().block();
		replicaB.scan().block();

		Map<String, Object> escalated = find(item);
		assertThat(escalated.get("escalatedAt")).isNotNull();
		assertThat((String) escalated.get("note")).contains("Vakthavende lege").contains("tlf 00 00 00 00");
		assertThat(escalated.get("status")).isEqualTo("OPEN");
		assertThat(meters.get(OverdueRed.ESCALATIONS).tag("team", "hjerte").counter().count())
			.as("escalated by exactly one replica")
			.isEqualTo(escalationsOf(item));
		assertThat(meters.get(OverdueRed.OVERDUE_RED).gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(escalationsOf(item)).isEqualTo(1);
	}

	@Test
	void everyNurseOfTheTeamSeesItOverdueAndEscalated() {
		Map<String, Object> item = redItem();
		// two hours pass: the deadline is moved back rather than the whole application's
		// clock forward, so the API's overdue flag (real clock) sees it too
		this.db.sql("update worklist_item set due_at = now() - interval '1 minute' where id = :id")
			.bind("id", UUID.fromString((String) item.get("id")))
			.fetch()
			.rowsUpdated()
			.block();
		replica(Clock.systemUTC(), new SimpleMeterRegistry()).scan().block();

		// the team's nurse and the team's machine client (another member of the team)
		for (var member : List.of(as("sykepleier1"), asMachine())) {
			List<?> items = (List<?>) member.get()
				.uri("/api/worklist?size=200")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("items");
			assertThat(items).filteredOn((i) -> item.get("id").equals(((Map<?, ?>) i).get("id")))
				.singleElement()
				.satisfies((i) -> {
					assertThat(((Map<?, ?>) i).get("overdue")).isEqualTo(true);
					assertThat(((Map<?, ?>) i).get("escalatedAt")).isNotNull();
					assertThat((String) ((Map<?, ?>) i).get("note")).contains("Escalated automatically to");
				});
		}
	}

	@Test
	void aRedItemSomeoneTookIsNotEscalated() {
		Map<String, Object> item = redItem();
		as("sykepleier1").post().uri("/api/worklist/" + item.get("id") + "/take").exchange().expectStatus().isOk();
		Instant due = Instant.parse((String) item.get("dueAt"));

		replica(Clock.fixed(due.plus(Duration.ofHours(1)), ZoneId.of("Europe/Oslo")), new SimpleMeterRegistry()).scan()
			.block();

		assertThat(find(item).get("escalatedAt")).isNull();
	}

	@Test
	void aTeamWithoutAContactIsStillEscalatedAndTheNoteSaysNobodyIsConfigured() {
		OverdueRed job = replica(Clock.systemUTC(), new SimpleMeterRegistry());

		assertThat(job.note("lunge")).contains("no escalation contact is configured for lunge");
		assertThat(job.note("hjerte")).contains("Vakthavende lege — tlf 00 00 00 00");
	}

	private OverdueRed replica(Clock clock, SimpleMeterRegistry meters) {
		return new OverdueRed(SETTINGS, this.db, this.repository, this.audit, this.tx, clock, meters);
	}

	private long escalationsOf(Map<String, Object> item) {
		return this.db
			.sql("select count(*) from audit_event where patient_id = :p and detail like 'escalated: red%'"
					+ " and occurred_at >= :raised")
			.bind("p", this.patientId)
			.bind("raised", Instant.parse((String) item.get("raisedAt")).atOffset(java.time.ZoneOffset.UTC))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/** A red blood pressure: one new red item, untaken. */
	private Map<String, Object> redItem() {
		String id = (String) as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + this.carePlanId
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
		return find(Map.of("sourceKey", id));
	}

	private Map<String, Object> find(Map<String, Object> item) {
		return as("sykepleier1").get()
			.uri("/api/patients/" + this.patientId + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.stream()
			.filter((i) -> item.get("sourceKey").equals(i.get("sourceKey")))
			.findFirst()
			.orElseThrow();
	}

}
