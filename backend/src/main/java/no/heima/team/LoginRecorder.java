package no.heima.team;

import no.heima.identity.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps the directory as clinicians log in: the web apps ask {@code GET /api/me} first
 * after every login (and page load), so that request is where a clinician's teams are
 * recorded. Runs after the security filters (it needs the caller); a failure to record is
 * logged and never fails the request.
 */
@Component
class LoginRecorder implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(LoginRecorder.class);

	private final CurrentUsers users;

	private final TeamDirectory directory;

	LoginRecorder(CurrentUsers users, TeamDirectory directory) {
		this.users = users;
		this.directory = directory;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!"GET".equals(exchange.getRequest().getMethod().name())
				|| !"/api/me".equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return this.users.current().flatMap(this.directory::loggedIn).onErrorResume((error) -> {
			if (!(error instanceof no.heima.problem.HeimaProblemException)) {
				log.warn("Could not record a login in the team directory", error);
			}
			return Mono.empty();
		}).then(chain.filter(exchange));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
