package no.heima.audit;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import no.heima.identity.ChainRefusals;
import no.heima.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A DENIED row for each 403 the security filters answer themselves (the caller lacks the
 * route's role, or a logged-in session sent no valid CSRF token), shaped as
 * {@link DenialAudit}'s rows: the patient when the path names one, the action the method
 * implies, the resource the path addresses, and the reason. Never the query string or
 * body, which may hold personal data. Rows per actor and minute are bounded
 * ({@link RefusalBudget}).
 */
@Component
class ChainRefusalAudit implements ChainRefusals {

	private static final Logger log = LoggerFactory.getLogger(ChainRefusalAudit.class);

	/** Paths are the caller's own input: cut before they go into a row. */
	private static final int MAX_PATH = 200;

	private final AuditLog audit;

	private final RefusalBudget budget;

	ChainRefusalAudit(AuditLog audit, AuditProperties properties, Clock clock) {
		this.audit = audit;
		this.budget = new RefusalBudget(properties.refusalsPerActor(), properties.refusalsPerMinute(),
				() -> clock.millis() / 60_000);
	}

	@Override
	public Mono<Void> refused(ServerWebExchange exchange, CurrentUser actor, String reason) {
		RefusalBudget.Decision decision = this.budget.admit(actor.subject());
		HttpMethod method = exchange.getRequest().getMethod();
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!decision.write()) {
			if (this.budget.withheldNow(actor.subject()) == 1) {
				log.warn("Refusals of {} by the security filters are over the audit budget this minute;"
						+ " their next audit row counts them", actor.subject());
			}
			return Mono.empty();
		}
		String shown = (path.length() > MAX_PATH) ? path.substring(0, MAX_PATH) + "…" : path;
		String detail = "refused 403 " + method + " " + shown + ": " + reason + ((decision.withheldBefore() > 0)
				? " (and " + decision.withheldBefore() + " earlier refusals over the audit budget)" : "");
		return this.audit.record(AuditEntry.of(actor, patientOf(path), DenialAudit.action(method, path),
				DenialAudit.resource(path), AuditOutcome.DENIED, detail));
	}

	private static UUID patientOf(String path) {
		Matcher patient = DenialAudit.PATIENT_ID.matcher(path);
		return patient.matches() ? UUID.fromString(patient.group(1)) : null;
	}

}
