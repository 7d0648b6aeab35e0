package no.heima.identity;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import no.heima.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters as problem details, so an API client never
 * receives a login-page redirect or an empty body.
 *
 * <p>
 * A 403 the filters answer themselves is an access decision about a known caller, so it
 * is audited ({@link ChainRefusals}) before the answer is written; an audit that fails or
 * takes longer than {@link #AUDIT_TIMEOUT} is logged and the caller still gets their 403,
 * never a 5xx. A 401 has no actor to audit (nobody proved who they are, and the audit
 * trail is append-only: anyone could fill it): it is counted in
 * {@code heima.security.refusals} instead.
 */
@Component
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final Duration AUDIT_TIMEOUT = Duration.ofSeconds(3);

	private final JsonMapper json;

	private final CurrentUsers users;

	private final ObjectProvider<ChainRefusals> refusals;

	private final ObjectProvider<MeterRegistry> meters;

	ProblemResponses(JsonMapper json, CurrentUsers users, ObjectProvider<ChainRefusals> refusals,
			ObjectProvider<MeterRegistry> meters) {
		this.json = json;
		this.users = users;
		this.refusals = refusals;
		this.meters = meters;
	}

	ServerAuthenticationEntryPoint unauthenticated() {
		return (exchange, ex) -> {
			count(exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) ? "bad-credentials"
					: "no-credentials", 401);
			return write(exchange, ProblemType.UNAUTHENTICATED, "Login required");
		};
	}

	ServerAccessDeniedHandler forbidden() {
		return (exchange, ex) -> {
			String roles = exchange.getAttribute(RouteAccess.REFUSED_FOR);
			count((roles != null) ? "role" : "other", 403);
			return ReactiveSecurityContextHolder.getContext()
				.mapNotNull(SecurityContext::getAuthentication)
				.flatMap((caller) -> audited(exchange, caller,
						(roles != null) ? "the route needs the role " + roles : "refused by the security filters"))
				.then(Mono.defer(() -> write(exchange, ProblemType.FORBIDDEN,
						(roles != null) ? "This requires the role " + roles : "Not allowed")));
		};
	}

	/**
	 * A write refused by the CSRF check, which runs before authentication: without a
	 * logged-in session the caller is anonymous (401, as for any other method); with one,
	 * the CSRF token is missing or wrong (403, audited under the session's login).
	 */
	ServerAccessDeniedHandler csrfRefused() {
		return (exchange, ex) -> exchange.getSession()
			.mapNotNull((session) -> session.<SecurityContext>getAttribute(
					WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
			.mapNotNull(SecurityContext::getAuthentication)
			.flatMap((caller) -> {
				count("csrf", 403);
				return audited(exchange, caller, "CSRF token missing or wrong")
					.then(Mono.defer(() -> write(exchange, ProblemType.FORBIDDEN, "CSRF token missing or wrong")))
					.thenReturn(true);
			})
			.switchIfEmpty(Mono.defer(() -> {
				count("no-credentials", 401);
				return write(exchange, ProblemType.UNAUTHENTICATED, "Login required").thenReturn(true);
			}))
			.then();
	}

	/** Audits a refusal of {@code caller}; never fails, never waits long. */
	private Mono<Void> audited(ServerWebExchange exchange, Authentication caller, String reason) {
		ChainRefusals sink = this.refusals.getIfAvailable();
		CurrentUser actor = this.users.toUser(caller);
		if (sink == null || actor == null) {
			return Mono.empty();
		}
		return Mono.defer(() -> sink.refused(exchange, actor, reason))
			.timeout(AUDIT_TIMEOUT)
			.onErrorResume((failure) -> {
				log.warn("Could not audit the refusal of {} {}: {}", exchange.getRequest().getMethod(),
						exchange.getRequest().getPath().value(), failure.toString());
				MeterRegistry registry = this.meters.getIfAvailable();
				if (registry != null) {
					registry.counter("heima.security.refusals.unaudited").increment();
				}
				return Mono.empty();
			});
	}

	private void count(String reason, int status) {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null) {
			registry.counter("heima.security.refusals", "status", Integer.toString(status), "reason", reason)
				.increment();
		}
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(type.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory()
			.wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
