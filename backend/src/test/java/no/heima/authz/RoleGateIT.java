package no.heima.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.heima.identity.Allowed;
import no.heima.identity.Role;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestIdp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The role gate runs before the body is read: every write route of the running
 * application (read from its handler mapping, so a new route is walked without anyone
 * listing it), called with junk by a caller whose roles the route's {@link Allowed} does
 * not name, answers 403 problem+json {@code forbidden} (never the 400 that would describe
 * the body it wants), and the refusal is a DENIED row in the audit trail.
 */
class RoleGateIT extends IntegrationTest {

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	/** Not JSON, not a form, not a file: whatever a handler would bind, it fails. */
	private static final String JUNK = "{\"junk\": [1, 2,";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	DatabaseClient db;

	/** A write route as the walk calls it, with the roles its {@link Allowed} names. */
	record WriteRoute(HttpMethod method, String pattern, Set<Role> roles, boolean everyLogin) {

		boolean admits(Set<Role> caller) {
			return this.everyLogin || this.roles.stream().anyMatch(caller::contains);
		}

		/** The pattern with every variable filled in (fresh ids: nothing real is hit). */
		String uri() {
			Matcher variable = VARIABLE.matcher(this.pattern);
			StringBuilder uri = new StringBuilder();
			while (variable.find()) {
				String name = variable.group(1);
				String value = switch (name) {
					case "date" -> "2026-01-01";
					case "version" -> "1";
					case "team", "subject", "activityId", "file" -> "x";
					default -> UUID.randomUUID().toString();
				};
				variable.appendReplacement(uri, value);
			}
			variable.appendTail(uri);
			return uri.toString();
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	private List<WriteRoute> writeRoutes() {
		List<WriteRoute> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
			if (allowed == null) {
				allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
			}
			for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
				if (!pattern.getPatternString().startsWith("/api/")) {
					continue;
				}
				assertThat(allowed).as(pattern + " has no @Allowed").isNotNull();
				Set<Role> roles = EnumSet.noneOf(Role.class);
				roles.addAll(List.of(allowed.value()));
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					HttpMethod http = HttpMethod.valueOf(method.name());
					if (WRITES.contains(http)) {
						routes.add(new WriteRoute(http, pattern.getPatternString(), roles, allowed.everyLogin()));
					}
				}
			}
		}
		return routes;
	}

	@Test
	void everyWriteRouteRefusesACallerWithoutItsRoleBeforeReadingTheBody() {
		List<WriteRoute> routes = writeRoutes();
		// the walk is not vacuous (41 write routes on 2026-12-02; a floor, not a count)
		assertThat(routes).hasSizeGreaterThan(30);
		Map<String, Set<Role>> callers = Map.of("pasient1", EnumSet.of(Role.PATIENT), "sykepleier1",
				EnumSet.of(Role.CLINICIAN), "admin", EnumSet.of(Role.ADMIN));
		List<String> wrong = new ArrayList<>();
		Set<String> refusedPatient = new TreeSet<>();
		callers.forEach((username, roles) -> {
			WebTestClient client = this.web.mutate()
				.responseTimeout(Duration.ofSeconds(30))
				.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken(username)))
				.build();
			for (WriteRoute route : routes) {
				if (route.admits(roles)) {
					continue;
				}
				EntityExchangeResult<String> result = client.method(route.method())
					.uri(route.uri())
					.contentType(MediaType.APPLICATION_JSON)
					.header("If-Match", "\"1\"")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.bodyValue(JUNK)
					.exchange()
					.expectBody(String.class)
					.returnResult();
				MediaType type = result.getResponseHeaders().getContentType();
				String body = (result.getResponseBody() != null) ? result.getResponseBody() : "";
				if (result.getStatus().value() != 403 || type == null
						|| !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
						|| !body.contains("\"type\":\"urn:heima:problem:forbidden\"")) {
					wrong.add(route + " as " + username + ": " + result.getStatus().value() + " " + type + " " + body);
				}
				if (username.equals("pasient1")) {
					refusedPatient.add(route.toString());
				}
			}
		});
		assertThat(wrong).as("write routes that did not answer 403 forbidden to a caller without the role").isEmpty();
		// what the review found answering 400 to a patient are among those walked
		assertThat(refusedPatient).contains("PUT /api/care-plans/{id}/thresholds",
				"POST /api/care-plans/{id}/evaluation", "PUT /api/pathways/{id}/draft",
				"PUT /api/admin/team-directory/{team}/{subject}", "POST /api/patients/{patientId}/messages");
	}

	@Test
	void aRefusalByTheChainIsAuditedWithActorRouteAndReason() {
		UUID patient = UUID.randomUUID();
		this.as("pasient2")
			.post()
			.uri("/api/patients/" + patient + "/care-plans?note=12837540028")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JUNK)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:forbidden")
			.jsonPath("$.detail")
			.isEqualTo("This requires the role CLINICIAN");
		List<Map<String, Object>> rows = this.db
			.sql("select actor_name, actor_roles, action, resource, outcome, detail, purpose from audit_event"
					+ " where patient_id = :p")
			.bind("p", patient)
			.fetch()
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row).containsEntry("actor_name", "Ola Fjellheim")
			.containsEntry("actor_roles", "PATIENT")
			.containsEntry("action", "CREATE")
			.containsEntry("resource", "CarePlan")
			.containsEntry("outcome", "DENIED")
			.containsEntry("purpose", "PATRQT");
		assertThat((String) row.get("detail")).contains("POST /api/patients/" + patient + "/care-plans")
			.contains("the route needs the role CLINICIAN")
			// the query string can carry personal data: never in the row
			.doesNotContain("12837540028");
	}

	@Test
	void anAnonymousCallerIsAnsweredUnauthenticatedAndLeavesNoRow() {
		UUID patient = UUID.randomUUID();
		this.web.post()
			.uri("/api/patients/" + patient + "/care-plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JUNK)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:unauthenticated");
		Long rows = this.db.sql("select count(*) from audit_event where patient_id = :p")
			.bind("p", patient)
			.map((r) -> r.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(rows).isZero();
	}

}
