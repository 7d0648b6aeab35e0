package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.VolumeSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 10: the worklist for a caseload. Thirty patients with three items each (red,
 * yellow, missing); one row per patient, worst first, with counts, the phone number,
 * filters and search on the server; assigning to a colleague of the team (from the
 * directory kept as they log in) makes it theirs; a colleague of another team is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadIT extends IntegrationTest {

	@Autowired
	DatabaseClient db;

	private VolumeSeed seed;

	private List<UUID> patients;

	private UUID pathwayId;

	@BeforeAll
	void seed() {
		// patient: the first request of a fresh context on a loaded machine is slow
		WebTestClient admin = as("admin").mutate().responseTimeout(Duration.ofMinutes(3)).build();
		Map<?, ?> pathway = admin.post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", Map.of("name", "Caseload", "activities",
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
		admin.post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		this.seed = new VolumeSeed(this.db);
		this.pathwayId = UUID.fromString((String) pathway.get("id"));
		this.patients = this.seed.patients("hjerte", 30, this.pathwayId);
		this.seed.openItems("hjerte", this.patients, 3);
		this.db.sql("update patient set phone = '+47 912 34 567' where id = :id")
			.bind("id", this.patients.get(0))
			.then()
			.block(Duration.ofSeconds(10));
		// the directory learns who holds which team as they log in (the apps ask /api/me)
		for (WebTestClient login : List.of(as("sykepleier1"), as("sykepleier2"), asMachine())) {
			login.get().uri("/api/me").exchange().expectStatus().isOk();
		}
	}

	@AfterAll
	void remove() {
		if (this.seed != null) {
			this.seed.remove();
		}
	}

	private Map<?, ?> caseload(WebTestClient who, String query) {
		return who.get()
			.uri("/api/worklist/patients?q=" + this.seed.marker() + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<Map<?, ?>> rows(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream().<Map<?, ?>>map((row) -> (Map<?, ?>) row).toList();
	}

	private static List<Map<?, ?>> items(Map<?, ?> row) {
		return ((List<?>) row.get("items")).stream().<Map<?, ?>>map((item) -> (Map<?, ?>) item).toList();
	}

	private static List<Object> field(List<Map<?, ?>> maps, String name) {
		return maps.stream().map((map) -> (Object) map.get(name)).toList();
	}

	/**
	 * A row holds a patient's first 50 items; the rest are reached page by page, with the
	 * same filter, and only by the patient's own team.
	 */
	@Test
	void aPatientsItemsPastTheRowArePagedAndAllReachable() {
		VolumeSeed many = new VolumeSeed(this.db);
		try {
			UUID patient = many.patients("hjerte", 1, this.pathwayId).get(0);
			many.openItems("hjerte", List.of(patient), 60);
			Map<?, ?> page = as("sykepleier1").get()
				.uri("/api/worklist/patients?q=" + many.marker())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(items(rows(page).get(0))).hasSize(WorklistQueries.ITEMS_PER_PATIENT);
			Map<?, ?> first = itemsOf(patient, 0);
			Map<?, ?> second = itemsOf(patient, 1);
			assertThat(((Number) second.get("total")).longValue()).isEqualTo(60);
			assertThat(rows(second)).hasSize(10);
			List<Object> ids = new java.util.ArrayList<>(field(rows(first), "id"));
			ids.addAll(field(rows(second), "id"));
			assertThat(ids).doesNotHaveDuplicates().hasSize(60);
			// the first page is what the row holds, in the same order
			assertThat(field(rows(first), "id")).isEqualTo(field(items(rows(page).get(0)), "id"));
			as("sykepleier2").get()
				.uri("/api/worklist/patients/" + patient + "/items")
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		finally {
			many.remove();
		}
	}

	private Map<?, ?> itemsOf(UUID patient, int page) {
		return as("sykepleier1").get()
			.uri("/api/worklist/patients/" + patient + "/items?size=50&page=" + page)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void onePatientARowWorstFirstWithCountsAndPhone() {
		Map<?, ?> page = caseload(as("sykepleier1"), "&size=10");
		assertThat(page.get("total")).isEqualTo(30);
		assertThat(page.get("itemTotal")).isEqualTo(90);
		List<Map<?, ?>> rows = rows(page);
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("worstLevel")).isEqualTo("RED");
			assertThat(row.get("counts")).isEqualTo(Map.of("MEASUREMENT", 3));
			assertThat(field(items(row), "level")).containsExactly("RED", "YELLOW", "MISSING");
		});
		Map<?, ?> withPhone = rows(caseload(as("sykepleier1"), "&size=30")).stream()
			.filter((row) -> this.patients.get(0).toString().equals(row.get("patientId")))
			.findFirst()
			.orElseThrow();
		assertThat(withPhone.get("phone")).isEqualTo("+47 912 34 567");
	}

	@Test
	void filtersByLevelKindAndIdentifier() {
		Map<?, ?> yellow = caseload(as("sykepleier1"), "&level=yellow");
		assertThat(yellow.get("itemTotal")).isEqualTo(30);
		assertThat(rows(yellow)).allSatisfy((row) -> assertThat(row.get("worstLevel")).isEqualTo("YELLOW"));
		assertThat(caseload(as("sykepleier1"), "&kind=RESPONSE").get("total")).isEqualTo(0);
		String identifier = (String) rows(caseload(as("sykepleier1"), "&size=1")).get(0).get("identifier");
		Map<?, ?> found = as("sykepleier1").get()
			.uri("/api/worklist/patients?q=" + identifier)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(rows(found)).singleElement()
			.satisfies((row) -> assertThat(row.get("identifier")).isEqualTo(identifier));
		assertThat(caseload(as("sykepleier2"), "").get("total")).as("another team sees none of them").isEqualTo(0);
		as("sykepleier1").get().uri("/api/worklist/patients?show=whatever").exchange().expectStatus().isBadRequest();
	}

	@Test
	void assignedToAColleagueItIsTheirsAndAnotherTeamsColleagueIsRefused() {
		Map<?, ?> row = rows(caseload(as("sykepleier1"), "&size=1&show=unassigned")).get(0);
		String item = (String) items(row).get(0).get("id");
		String nina = subjectOf(as("sykepleier1"));
		long unassignedBefore = ((Number) caseload(as("sykepleier1"), "&show=unassigned").get("itemTotal")).longValue();

		List<?> directory = asMachine().get()
			.uri("/api/team-directory")
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(directory.stream().map((m) -> (Object) ((Map<?, ?>) m).get("subject")).toList()).contains(nina)
			.doesNotContain(subjectOf(as("sykepleier2")));

		Map<?, ?> assigned = asMachine().post()
			.uri("/api/worklist/" + item + "/assign")
			.bodyValue(Map.of("subject", nina))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(assigned.get("assigneeName")).isEqualTo("Nina Berg");
		assertThat(assigned.get("status")).isEqualTo("IN_PROGRESS");
		Map<?, ?> mine = caseload(as("sykepleier1"), "&show=mine");
		List<Map<?, ?>> mineItems = rows(mine).stream().flatMap((r) -> items(r).stream()).toList();
		assertThat(field(mineItems, "id")).contains(item);
		assertThat(field(mineItems, "assigneeSubject")).containsOnly(nina);
		assertThat(((Number) caseload(as("sykepleier1"), "&show=unassigned").get("itemTotal")).longValue())
			.isEqualTo(unassignedBefore - 1);
		assertThat(audited(item)).anyMatch((detail) -> detail.equals("assigned to Nina Berg"));

		asMachine().post()
			.uri("/api/worklist/" + item + "/assign")
			.bodyValue(Map.of("subject", subjectOf(as("sykepleier2"))))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:not-team-member");
		as("sykepleier2").post()
			.uri("/api/worklist/" + item + "/assign")
			.bodyValue(Map.of("subject", nina))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void escalatedToAColleagueAndARoleWithANewDeadline() {
		Map<?, ?> row = rows(caseload(as("sykepleier1"), "&size=1&level=YELLOW&page=5")).get(0);
		String item = (String) items(row).get(0).get("id");
		Instant due = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		Map<?, ?> escalated = as("sykepleier1").post()
			.uri("/api/worklist/" + item + "/escalate")
			.bodyValue(Map.of("note", "Til lege: vekt og pust", "toSubject", subjectOf(asMachine()), "toRole",
					"lege i vakt", "dueAt", due.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(escalated.get("escalatedToSubject")).isEqualTo(subjectOf(asMachine()));
		assertThat(escalated.get("assigneeSubject")).isEqualTo(subjectOf(asMachine()));
		assertThat(escalated.get("escalatedToRole")).isEqualTo("lege i vakt");
		assertThat(Instant.parse((String) escalated.get("dueAt"))).isEqualTo(due);
		as("sykepleier1").post()
			.uri("/api/worklist/" + item + "/escalate")
			.bodyValue(Map.of("note", "for sent", "dueAt", Instant.now().minusSeconds(60).toString()))
			.exchange()
			.expectStatus()
			.isBadRequest();

		this.db.sql("update worklist_item set due_at = now() - interval '1 minute' where id = :id")
			.bind("id", UUID.fromString(item))
			.then()
			.block(Duration.ofSeconds(10));
		Map<?, ?> overdue = caseload(as("sykepleier1"), "&show=overdue");
		assertThat(rows(overdue)).singleElement().satisfies((r) -> assertThat(r.get("overdue")).isEqualTo(1));
	}

	private String subjectOf(WebTestClient who) {
		return (String) who.get()
			.uri("/api/me")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("subject");
	}

	private List<String> audited(String item) {
		return this.db
			.sql("select detail from audit_event where resource = 'WorklistItem' and patient_id ="
					+ " (select patient_id from worklist_item where id = :id)")
			.bind("id", UUID.fromString(item))
			.map((r) -> r.get(0, String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

}
