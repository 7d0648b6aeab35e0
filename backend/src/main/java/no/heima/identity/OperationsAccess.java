package no.heima.identity;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may read the operational endpoints (actuator other than the health probes, the
 * OpenAPI document and Swagger UI): an ADMIN, logged in through the clinician app or with
 * a bearer token (a Prometheus scraper gets a machine client whose tokens carry ADMIN).
 * They name every route and parameter, and metrics count patients' activity, so they are
 * not for anyone on the network.
 */
@Component
class OperationsAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final CurrentUsers users;

	OperationsAccess(CurrentUsers users) {
		this.users = users;
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.filter(Authentication::isAuthenticated).map((caller) -> {
			CurrentUser user = users.toUser(caller);
			return (AuthorizationResult) new AuthorizationDecision(user != null && user.has(Role.ADMIN));
		}).defaultIfEmpty(new AuthorizationDecision(false));
	}

}
