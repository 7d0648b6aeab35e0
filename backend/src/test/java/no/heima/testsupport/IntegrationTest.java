package no.heima.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port, against a real PostgreSQL
 * ({@link TestDatabase}) and a real OIDC issuer ({@link TestIdp}). All subclasses share
 * one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

	@Autowired
	protected WebTestClient web;

	@Autowired
	private no.heima.questionnaire.QuestionnaireService questionnaires;

	/**
	 * The built-in questionnaires are imported in the background at start-up; wait for
	 * them.
	 */
	protected void awaitBuiltInQuestionnaires() {
		this.questionnaires.builtInsImported().block(java.time.Duration.ofMinutes(3));
	}

	@DynamicPropertySource
	static void heimaProperties(DynamicPropertyRegistry registry) {
		TestDatabase.Server db = TestDatabase.get();
		registry.add("heima.db.url", db::url);
		// least privilege, as in production: Flyway migrates as the server's owner, the
		// application connects as a role of its own
		registry.add("heima.db.username", () -> TestDatabase.appRole().username());
		registry.add("heima.db.password", () -> TestDatabase.appRole().password());
		registry.add("heima.db.migration.username", db::username);
		registry.add("heima.db.migration.password", db::password);
		registry.add("heima.oidc.issuer", () -> TestIdp.issuer().toString());
		registry.add("heima.patient.accept-synthetic-identifiers", () -> "true");
		// the suites send hundreds of writes as one user; RateLimitIT tests the limits
		registry.add("heima.rate-limit.enabled", () -> "false");
		// likewise the bound on audited refusals per actor (RefusalBudgetTest tests it):
		// the authorization walks refuse one user hundreds of times a minute
		registry.add("heima.audit.refusals-per-actor", () -> "1000000");
		registry.add("heima.audit.refusals-per-minute", () -> "1000000");
		// reminders are planned and sent only by the tests that drive them with a fixed
		// clock; e-mail and SMS are offered (for the settings API) but nothing is sent
		// here
		registry.add("heima.reminder.enabled", () -> "false");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> "1");
		registry.add("heima.reminder.sms.url", () -> "http://127.0.0.1:1/sms");
		registry.add("spring.security.oauth2.client.registration.patient.client-secret", () -> TestIdp.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.clinician.client-secret", () -> TestIdp.CLIENT_SECRET);
	}

	protected WebTestClient as(String username) {
		// generous: a 2-core CI machine under a full build answers slowly at times
		return web.mutate()
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.defaultHeaders(h -> h.setBearerAuth(TestIdp.accessToken(username)))
			.build();
	}

	protected WebTestClient asMachine() {
		return web.mutate()
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.defaultHeaders(h -> h.setBearerAuth(TestIdp.machineToken()))
			.build();
	}

	/**
	 * Registers a patient through the API, or finds them when an earlier test class (same
	 * database) already did.
	 */
	protected java.util.UUID ensurePatient(String clinician, String identifier, String given, String family) {
		var created = as(clinician).post()
			.uri("/api/patients")
			.bodyValue(java.util.Map.of("identifier", identifier, "givenName", given, "familyName", family))
			.exchange()
			.returnResult(java.util.Map.class);
		if (created.getStatus().value() == 201) {
			return java.util.UUID.fromString((String) created.getResponseBody().blockFirst().get("id"));
		}
		var page = as(clinician).get()
			.uri("/api/patients?q=" + identifier)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody();
		return java.util.UUID
			.fromString((String) ((java.util.Map<?, ?>) ((java.util.List<?>) page.get("items")).get(0)).get("id"));
	}

	/**
	 * A pathway with {@code definition}, created and published by the clinic admin: its
	 * id.
	 */
	protected java.util.UUID publishedPathway(java.util.Map<String, ?> definition) {
		String id = createdId(
				as("admin").post().uri("/api/pathways").bodyValue(java.util.Map.of("definition", definition)));
		as("admin").post().uri("/api/pathways/" + id + "/publish").exchange().expectStatus().isOk();
		return java.util.UUID.fromString(id);
	}

	/**
	 * {@code patient} enrolled by sykepleier1 on {@code pathway}, starting
	 * {@code daysAgo} days ago in Oslo: the care plan's id.
	 */
	protected String enrol(java.util.UUID patient, java.util.UUID pathway, int daysAgo) {
		return createdId(as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(java.util.Map.of("pathwayId", pathway, "startDate",
					java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).minusDays(daysAgo).toString())));
	}

	/** The id in the body of a request that must answer 201 Created. */
	private String createdId(WebTestClient.RequestHeadersSpec<?> request) {
		return (String) request.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** Kari Nordvik, the usual test patient, registered by sykepleier1 (or found). */
	protected java.util.UUID registeredKari() {
		return ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
	}

}
