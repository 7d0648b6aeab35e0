package no.heima.identity;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Told of every 403 the security filter chain answers itself (a role the route needs, a
 * missing or wrong CSRF token on a logged-in session), before the answer is written. The
 * audit feature implements it; identity cannot depend on audit, which depends on it.
 */
public interface ChainRefusals {

	/**
	 * @param actor the logged-in caller refused
	 * @param reason why, in words an auditor reads (no request content)
	 */
	Mono<Void> refused(ServerWebExchange exchange, CurrentUser actor, String reason);

}
