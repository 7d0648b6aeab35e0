package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.heima.testsupport.Answers;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.VolumeSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Issue 17: with more than about 32 open items the worklist never answered (the page's
 * audit inserts waited on the select they were fed from, on one transaction's
 * connection). A thousand open items for one team; the clinician app's own request (size
 * 50) and the largest page (200) must each answer within a second, and every patient
 * listed must be in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistAtVolumeIT extends IntegrationTest {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	@Autowired
	DatabaseClient db;

	private VolumeSeed seed;

	@BeforeAll
	void seed() {
		Map<?, ?> pathway = as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Volum arbeidsliste", "activities",
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
		this.seed = new VolumeSeed(this.db);
		List<UUID> patients = this.seed.patients("hjerte", 1000, UUID.fromString((String) pathway.get("id")));
		this.seed.openItems("hjerte", patients, 1);
		// a first small page warms the path (JIT, connection pool) without reaching the
		// old hang
		as("sykepleier1").get().uri("/api/worklist?size=5").exchange().expectStatus().isOk();
	}

	@AfterAll
	void remove() {
		this.seed.remove();
	}

	@ParameterizedTest(name = "size={0}")
	@ValueSource(ints = { 50, 200 })
	void aFullPageAnswersWithinASecondAndEveryListedPatientIsAudited(int size) {
		Map<?, ?> page = Answers.within(WITHIN, as("sykepleier1"), "/api/worklist?size=" + size, Map.class);

		List<?> items = (List<?>) page.get("items");
		assertThat(items).hasSize(size);
		assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(1000);
		Set<UUID> listed = items.stream()
			.map((item) -> UUID.fromString((String) ((Map<?, ?>) item).get("patientId")))
			.collect(Collectors.toSet());
		List<UUID> audited = this.db
			.sql("select distinct patient_id from audit_event where actor_subject = :subject and action = 'SEARCH'"
					+ " and resource = 'WorklistItem' and patient_id = any(cast(:patients as uuid[]))")
			.bind("subject", subjectOf("sykepleier1"))
			.bind("patients", listed.toArray(UUID[]::new))
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(audited).containsExactlyInAnyOrderElementsOf(listed);
	}

	@Test
	void laterPagesFollowOnWithoutOverlap() {
		Set<Object> first = ids(Answers.within(WITHIN, as("sykepleier1"), "/api/worklist?size=200&page=0", Map.class));
		Set<Object> second = ids(Answers.within(WITHIN, as("sykepleier1"), "/api/worklist?size=200&page=1", Map.class));
		assertThat(first).hasSize(200);
		assertThat(second).hasSize(200).doesNotContainAnyElementsOf(first);
	}

	private static Set<Object> ids(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream()
			.map((item) -> ((Map<?, ?>) item).get("id"))
			.collect(Collectors.toSet());
	}

	/** The subject Heima records for a demo user (what /api/me says). */
	private String subjectOf(String username) {
		return (String) as(username).get()
			.uri("/api/me")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("subject");
	}

}
