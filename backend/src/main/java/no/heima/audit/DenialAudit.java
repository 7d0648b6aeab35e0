package no.heima.audit;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.problem.HeimaProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every refusal of patient data is an audited access decision: a logged-in caller
 * answered 403 or 404 on a patient-data route gets a DENIED row, unless the feature that
 * refused already wrote one (it knows more: whose record, why). Runs after the security
 * filters, so the caller is known.
 */
@Component
class DenialAudit implements WebFilter, Ordered {

	private static final Pattern PATIENT_DATA = Pattern
		.compile("^/api/(patients|care-plans|worklist|fhir/patients|access-requests)(/.*)?$");

	static final Pattern PATIENT_ID = Pattern.compile("^/api/patients/([0-9a-fA-F-]{36})(/.*)?$");

	private static final Pattern ROUTE_NAME = Pattern.compile("^/api/(?:admin/|me/)?([A-Za-z0-9$-]{1,40})");

	private final AuditLog audit;

	private final CurrentUsers users;

	DenialAudit(AuditLog audit, CurrentUsers users) {
		this.audit = audit;
		this.users = users;
	}

	@Override
	public int getOrder() {
		// after Spring Security's WebFilterChainProxy (-100)
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!PATIENT_DATA.matcher(path).matches()) {
			return chain.filter(exchange);
		}
		AuditScope scope = new AuditScope();
		return chain.filter(exchange)
			.contextWrite((context) -> context.put(AuditScope.class, scope))
			.then(Mono.defer(() -> afterwards(exchange, path, scope, exchange.getResponse().getStatusCode())))
			.onErrorResume((ex) -> afterwards(exchange, path, scope, statusOf(ex)).then(Mono.error(ex)));
	}

	private Mono<Void> afterwards(ServerWebExchange exchange, String path, AuditScope scope, HttpStatusCode status) {
		if (status == null || (status.value() != 403 && status.value() != 404) || scope.deniedRecorded()) {
			return Mono.empty();
		}
		HttpMethod method = exchange.getRequest().getMethod();
		return this.users.current()
			.flatMap((user) -> this.audit.record(entry(user, method, path, status)))
			.onErrorResume(HeimaProblemException.class, (anonymous) -> Mono.empty());
	}

	private static AuditEntry entry(CurrentUser user, HttpMethod method, String path, HttpStatusCode status) {
		Matcher patient = PATIENT_ID.matcher(path);
		UUID patientId = patient.matches() ? UUID.fromString(patient.group(1)) : null;
		return AuditEntry.of(user, patientId, action(method, path), resource(path), AuditOutcome.DENIED,
				"refused " + status.value() + " " + method + " " + path);
	}

	/** What a request of {@code method} on {@code path} would have done. */
	static AuditAction action(HttpMethod method, String path) {
		return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				? (path.matches("^/api/[a-z-]+/?$") ? AuditAction.SEARCH : AuditAction.READ)
				: HttpMethod.POST.equals(method) ? AuditAction.CREATE : AuditAction.UPDATE;
	}

	/**
	 * The FHIR-style name of what the path addresses, as the features' own rows name it.
	 */
	static String resource(String path) {
		if (path.contains("/care-plans")) {
			return "CarePlan";
		}
		if (path.contains("/responses")) {
			return "QuestionnaireResponse";
		}
		if (path.contains("/measurements")) {
			return "Observation";
		}
		if (path.contains("/worklist")) {
			return "Flag";
		}
		if (path.startsWith("/api/access-requests")) {
			return "AccessRequest";
		}
		if (path.contains("/messages")) {
			return "Message";
		}
		if (PATIENT_DATA.matcher(path).matches() || path.equals("/api/me/patient")
				|| path.startsWith("/api/me/patient/")) {
			return "Patient";
		}
		// elsewhere (admin and configuration routes, reached only by a refusal of the
		// security filters): the route's first name, as "capacity-forecast" or "pathways"
		Matcher named = ROUTE_NAME.matcher(path);
		return named.find() ? named.group(1) : "api";
	}

	private static HttpStatusCode statusOf(Throwable ex) {
		if (ex instanceof HeimaProblemException problem) {
			return problem.type().status();
		}
		if (ex instanceof ResponseStatusException status) {
			return status.getStatusCode();
		}
		return null;
	}

}
