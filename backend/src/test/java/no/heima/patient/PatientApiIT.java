package no.heima.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The patient register over HTTP with real tokens: validation, duplicates, who may see
 * whom, and that every read lands in the audit table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientApiIT extends IntegrationTest {

	// Synthetic identifiers of patients registered by this test (none of them is a demo
	// login).
	private static final String HEART_PATIENT = "01819040180";

	private static final String LUNG_PATIENT = "05838540092";

	@Autowired
	DatabaseClient db;

	private UUID heartPatientId;

	private UUID ownRecordId;

	@BeforeAll
	void registerPatients() {
		heartPatientId = register("sykepleier1", HEART_PATIENT, "Test", "Hjertepasient");
		register("sykepleier2", LUNG_PATIENT, "Test", "Lungepasient");
		// pasient1's own record, linked by the national id in her login
		ownRecordId = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
	}

	@Test
	void unauthenticatedApiCallIs401ProblemNotRedirect() {
		web.get()
			.uri("/api/patients")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist("Location")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:unauthenticated");
	}

	@Test
	void forgedTokenIs401() {
		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void meShowsRolesAndTeamsFromTheToken() {
		as("sykepleier1").get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Nina Berg")
			.jsonPath("$.roles[0]")
			.isEqualTo("CLINICIAN")
			.jsonPath("$.teams[0]")
			.isEqualTo("hjerte");
	}

	@Test
	void invalidIdentifierIsRefusedWithFieldErrorsAndNothingStored() {
		as("sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(
					Map.of("identifier", "01819040181", "givenName", "", "familyName", "X", "email", "not-an-address"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation")
			.jsonPath("$.errors[?(@.field == 'identifier')].code")
			.isEqualTo("check-digit-2")
			.jsonPath("$.errors[?(@.field == 'givenName')].code")
			.isEqualTo("required")
			.jsonPath("$.errors[?(@.field == 'email')].code")
			.isEqualTo("format");

		assertThat(countPatients("01819040181")).isZero();
	}

	@Test
	void duplicateIdentifierIs409Problem() {
		as("sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", HEART_PATIENT, "givenName", "Again", "familyName", "Same"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:duplicate-identifier")
			.jsonPath("$.errors[0].field")
			.isEqualTo("identifier");
	}

	@Test
	void registeringForAnotherTeamIsRefused() {
		as("sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", "17859240097", "givenName", "A", "familyName", "B", "team", "lunge"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("not-member");
	}

	@Test
	void clinicianSeesOwnTeamOnlyInSearch() {
		as("sykepleier1").get()
			.uri("/api/patients?q=Hjertepasient")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].identifier.value")
			.isEqualTo(HEART_PATIENT)
			.jsonPath("$.items[0].birthDate")
			.isEqualTo("1990-01-01");
		as("sykepleier2").get()
			.uri("/api/patients?q=Lungepasient")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].identifier.value")
			.isEqualTo(LUNG_PATIENT);
		as("sykepleier1").get().uri("/api/patients?q=0181904").exchange().expectBody().jsonPath("$.total").isEqualTo(1);
	}

	@Test
	void searchIsPagedInTheDatabase() {
		Map<?, ?> all = as("sykepleier1").get()
			.uri("/api/patients?size=100")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		int total = (Integer) all.get("total");
		assertThat(total).isGreaterThanOrEqualTo(2);
		List<?> items = (List<?>) all.get("items");
		as("sykepleier1").get()
			.uri("/api/patients?page=1&size=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(((Map<?, ?>) items.get(1)).get("id"))
			.jsonPath("$.total")
			.isEqualTo(total);
		as("sykepleier1").get().uri("/api/patients?size=1000").exchange().expectStatus().isBadRequest();
	}

	@Test
	void clinicianOfAnotherTeamGetsNotFoundAndTheAttemptIsAudited() {
		as("sykepleier2").get()
			.uri("/api/patients/" + heartPatientId)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:not-found");

		assertThat(auditCount(heartPatientId, "READ", "DENIED")).isPositive();
	}

	@Test
	void everyReadLandsInTheAuditTable() {
		long before = auditCount(heartPatientId, "READ", "SUCCESS");

		as("sykepleier1").get()
			.uri("/api/patients/" + heartPatientId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("ETag");
		as("sykepleier1").get().uri("/api/patients/" + heartPatientId).exchange().expectStatus().isOk();

		assertThat(auditCount(heartPatientId, "READ", "SUCCESS")).isEqualTo(before + 2);
		long searches = auditCount(heartPatientId, "SEARCH", "SUCCESS");
		as("sykepleier1").get().uri("/api/patients?q=Hjerte").exchange().expectStatus().isOk();
		assertThat(auditCount(heartPatientId, "SEARCH", "SUCCESS")).isEqualTo(searches + 1);
	}

	@Test
	void patientReadsOwnRecordButNotAnothers() {
		long before = auditCount(ownRecordId, "READ", "SUCCESS");
		as("pasient1").get()
			.uri("/api/me/patient")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.familyName")
			.isEqualTo("Nordvik");
		assertThat(auditCount(ownRecordId, "READ", "SUCCESS")).isEqualTo(before + 1);

		as("pasient1").get()
			.uri("/api/patients/" + heartPatientId)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:forbidden");
		as("pasient1").get().uri("/api/patients").exchange().expectStatus().isForbidden();
	}

	@Test
	void patientWithoutRecordIsToldSo() {
		// Ola has no record unless another test class (same database) registered him
		// first
		Long registered = db.sql("select count(*) from patient where identifier_value = '24896840041'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		org.junit.jupiter.api.Assumptions.assumeTrue(registered == 0, "Ola was registered by an earlier test class");
		as("pasient2").get()
			.uri("/api/me/patient")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:not-registered");
	}

	@Test
	void adminAloneHasNoPatientAccess() {
		as("admin").get().uri("/api/patients").exchange().expectStatus().isForbidden();
		as("admin").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", "24896840041", "givenName", "A", "familyName", "B"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void machineClientWithClinicianRoleUsesBearerWithoutCsrf() {
		asMachine().get()
			.uri("/api/patients?q=Hjerte")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1);
	}

	@Test
	void contactChangesNeedTheCurrentVersion() {
		String path = "/api/patients/" + heartPatientId + "/contact";
		Map<String, String> contact = Map.of("phone", "+47 912 34 567", "email", "test@example.org",
				"preferredLanguage", "en");
		as("sykepleier1").put()
			.uri(path)
			.bodyValue(contact)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_REQUIRED);

		long version = as("sykepleier1").get()
			.uri("/api/patients/" + heartPatientId)
			.exchange()
			.expectBody(Patient.class)
			.returnResult()
			.getResponseBody()
			.version();
		as("sykepleier1").put()
			.uri(path)
			.header("If-Match", "\"" + version + "\"")
			.bodyValue(contact)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.phone")
			.isEqualTo("+4791234567")
			.jsonPath("$.version")
			.isEqualTo(version + 1);
		as("sykepleier1").put()
			.uri(path)
			.header("If-Match", "\"" + version + "\"")
			.bodyValue(contact)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:version-conflict");
		assertThat(auditCount(heartPatientId, "UPDATE", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void auditTableIsAppendOnly() {
		// refused by the trigger, or before it by the application role's missing grant
		assertThatThrownBy(() -> db.sql("delete from audit_event").then().block())
			.hasMessageMatching("(?s).*(append-only|permission denied).*");
		assertThatThrownBy(() -> db.sql("update audit_event set actor_name = 'x'").then().block())
			.hasMessageMatching("(?s).*(append-only|permission denied).*");
	}

	private UUID register(String clinician, String identifier, String given, String family) {
		return as(clinician).post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", identifier, "givenName", given, "familyName", family))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(Patient.class)
			.returnResult()
			.getResponseBody()
			.id();
	}

	private long countPatients(String identifier) {
		return db.sql("select count(*) from patient where identifier_value = :v")
			.bind("v", identifier)
			.map(row -> row.get(0, Long.class))
			.one()
			.block();
	}

	private long auditCount(UUID patient, String action, String outcome) {
		return db.sql("select count(*) from audit_event where patient_id = :p and action = :a" + " and outcome = :o")
			.bind("p", patient)
			.bind("a", action)
			.bind("o", outcome)
			.map(row -> row.get(0, Long.class))
			.one()
			.block();
	}

}
