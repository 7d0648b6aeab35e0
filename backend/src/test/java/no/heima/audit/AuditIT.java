package no.heima.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.FhirValidation;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestDatabase;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Audit completeness: refusals are audited with purpose, registration of a person another
 * team follows becomes an audited access request that reveals nobody, the patient sees
 * who read their data, admins export the trail as valid FHIR AuditEvents, and the
 * application's database role cannot rewrite the trail or switch its triggers off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT extends IntegrationTest {

	@Autowired
	DatabaseClient db;

	private UUID kari;

	@BeforeAll
	void kari() {
		// the application's start-up work (built-in questionnaires) first: on a loaded
		// machine it starves the first requests
		for (int attempt = 1;; attempt++) {
			try {
				awaitBuiltInQuestionnaires();
				break;
			}
			catch (IllegalStateException slow) {
				if (attempt == 3) {
					throw slow;
				}
			}
		}
		this.kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
	}

	@Test
	void theApplicationRoleCannotDisableTriggersOrRewriteTheTrail() throws SQLException {
		String connectedAs = this.db.sql("select current_user as u")
			.map((row) -> row.get("u", String.class))
			.one()
			.block();
		TestDatabase.Role app = TestDatabase.appRole();
		assertThat(connectedAs).isEqualTo(app.username());
		as("sykepleier1").get().uri("/api/patients/" + this.kari).exchange().expectStatus().isOk();
		try (Connection c = DriverManager.getConnection("jdbc:" + TestDatabase.get().url(), app.username(),
				app.password()); Statement s = c.createStatement()) {
			for (String sql : List.of("alter table audit_event disable trigger all",
					"alter table audit_event disable trigger audit_event_no_update_or_delete",
					"update audit_event set detail = 'rewritten'", "delete from audit_event", "truncate audit_event",
					"drop trigger audit_event_no_truncate on audit_event", "alter table patient add column x int",
					"set session_replication_role = replica")) {
				assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
			}
			// and it still appends
			s.execute("insert into audit_event (actor_subject, actor_roles, action, resource, outcome)"
					+ " values ('audit-it', '', 'READ', 'Patient', 'SUCCESS')");
		}
	}

	@Test
	void refusalsAreAuditedWithPurpose() {
		String plan = (String) as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/care-plans")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((p) -> ((Map<?, ?>) p).get("id"))
			.findFirst()
			.orElse(UUID.randomUUID().toString());
		long before = count("Per Lund", "DENIED");
		as("sykepleier2").get().uri("/api/care-plans/" + plan).exchange().expectStatus().isNotFound();
		as("sykepleier2").get().uri("/api/care-plans/" + plan + "/tasks").exchange().expectStatus().isNotFound();
		assertThat(awaitCount("Per Lund", "DENIED", before + 2)).isEqualTo(before + 2);
		assertThat(purposeOfLast("Per Lund")).isEqualTo("TREAT");

		long forbidden = count("Ola Fjellheim", "DENIED");
		as("pasient2").get().uri("/api/patients/" + this.kari).exchange().expectStatus().isForbidden();
		assertThat(awaitCount("Ola Fjellheim", "DENIED", forbidden + 1)).isEqualTo(forbidden + 1);
		assertThat(purposeOfLast("Ola Fjellheim")).isEqualTo("PATRQT");
		assertThat(this.db
			.sql("select count(*) as n from audit_event where actor_name = 'Ola Fjellheim'"
					+ " and patient_id = :p and outcome = 'DENIED'")
			.bind("p", this.kari)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isPositive();
	}

	@Test
	void registeringAPersonAnotherTeamFollowsIsAnAccessRequestThatRevealsNobody() {
		String identifier = SyntheticIds.next();
		UUID person = ensurePatient("sykepleier1", identifier, "Åse", "Tilgangsdatter");
		String nobody = SyntheticIds.next();

		Map<?, ?> registered = as("sykepleier2").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", identifier, "givenName", "Åse", "familyName", "Annen"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> exists = request(identifier);
		Map<?, ?> absent = request(nobody);
		// the same shape and status whether or not the person exists; nothing of them
		assertThat(registered.keySet()).isEqualTo(exists.keySet()).isEqualTo(absent.keySet());
		assertThat(List.of(registered, exists, absent)).allSatisfy((answer) -> {
			assertThat(answer.get("status")).isEqualTo("PENDING");
			assertThat(answer.toString()).doesNotContain("Tilgangsdatter").doesNotContain(person.toString());
		});
		assertThat(this.db
			.sql("select count(*) as n from audit_event where patient_id = :p"
					+ " and resource = 'AccessRequest' and outcome = 'DENIED' and actor_name = 'Per Lund'")
			.bind("p", person)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(2L);
		as("sykepleier2").get().uri("/api/patients/" + person).exchange().expectStatus().isNotFound();

		// the team that follows the person decides
		List<?> pending = as("sykepleier1").get()
			.uri("/api/access-requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(pending).anySatisfy((r) -> assertThat(((Map<?, ?>) r).get("id")).isEqualTo(exists.get("requestId")));
		as("sykepleier2").post()
			.uri("/api/access-requests/" + exists.get("requestId") + "/approve")
			.exchange()
			.expectStatus()
			.isNotFound();
		as("sykepleier1").post()
			.uri("/api/access-requests/" + exists.get("requestId") + "/approve")
			.exchange()
			.expectStatus()
			.isOk();
		as("sykepleier2").get().uri("/api/patients/" + person).exchange().expectStatus().isOk();
	}

	@Test
	void thePatientSeesWhoReadTheirDataWhenAndWhy() {
		as("sykepleier1").get().uri("/api/patients/" + this.kari).exchange().expectStatus().isOk();
		List<?> log = as("pasient1").get()
			.uri("/api/me/access-log")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(log).anySatisfy((e) -> {
			Map<?, ?> entry = (Map<?, ?>) e;
			assertThat(entry.get("who")).isEqualTo("Nina Berg");
			assertThat(entry.get("role")).isEqualTo("CLINICIAN");
			assertThat(entry.get("purpose")).isEqualTo("TREAT");
			assertThat(entry.get("action")).isEqualTo("READ");
			assertThat(entry.get("at")).isNotNull();
		});
		assertThat(log).noneSatisfy((e) -> assertThat(((Map<?, ?>) e).get("who")).isEqualTo("Kari Nordvik"));
		assertThat(log.toString()).doesNotContain("sykepleier1");
		as("sykepleier1").get().uri("/api/me/access-log").exchange().expectStatus().isForbidden();
	}

	@Test
	void adminsSearchTheTrailAndExportItAsValidFhirAuditEvents() {
		as("pasient2").get().uri("/api/patients/" + this.kari).exchange().expectStatus().isForbidden();
		Map<?, ?> page = as("admin").get()
			.uri("/api/admin/audit?patient=" + this.kari + "&outcome=DENIED&actor=Ola")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> items = (List<?>) page.get("items");
		assertThat(items).isNotEmpty()
			.allSatisfy((row) -> assertThat(((Map<?, ?>) row).get("outcome")).isEqualTo("DENIED"));
		String json = as("admin").get()
			.uri("/api/admin/audit/fhir?patient=" + this.kari)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Bundle bundle = FhirJson.read(Bundle.class, json);
		assertThat(bundle.getEntry()).isNotEmpty();
		assertThat(FhirValidation.errors(bundle)).isEmpty();
		AuditEvent denied = bundle.getEntry()
			.stream()
			.map((e) -> (AuditEvent) e.getResource())
			.filter((e) -> e.getOutcome() == AuditEvent.AuditEventOutcome._4)
			.findFirst()
			.orElseThrow();
		assertThat(denied.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("PATRQT");
		assertThat(denied.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(this.kari.toString());
		as("sykepleier1").get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
	}

	private Map<?, ?> request(String identifier) {
		return as("sykepleier2").post()
			.uri("/api/access-requests")
			.bodyValue(Map.of("identifier", identifier, "reason", "Henvist til lungepoliklinikken"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private long count(String actor, String outcome) {
		return this.db.sql("select count(*) as n from audit_event where actor_name = :a and outcome = :o")
			.bind("a", actor)
			.bind("o", outcome)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	/**
	 * A refusal's row is written as the answer completes, so the client may see the
	 * answer a moment before the row: wait up to 5 s for it.
	 */
	private long awaitCount(String actor, String outcome, long expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		long n = count(actor, outcome);
		while (n < expected && System.nanoTime() < deadline) {
			sleep();
			n = count(actor, outcome);
		}
		return n;
	}

	private String purposeOfLast(String actor) {
		return this.db.sql("select purpose from audit_event where actor_name = :a order by id desc limit 1")
			.bind("a", actor)
			.map((row) -> row.get("purpose", String.class))
			.one()
			.block();
	}

	private static void sleep() {
		try {
			Thread.sleep(150);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
