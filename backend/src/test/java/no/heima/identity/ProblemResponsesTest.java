package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 403 from the security filters is audited first, and the caller gets their 403 even
 * when the audit fails or hangs.
 */
class ProblemResponsesTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private static final JwtAuthenticationToken OLA = new JwtAuthenticationToken(Jwt.withTokenValue("t")
		.header("alg", "none")
		.subject("ola-sub")
		.claim("name", "Ola Fjellheim")
		.claim("roles", List.of("PATIENT"))
		.issuedAt(Instant.now())
		.expiresAt(Instant.now().plusSeconds(60))
		.build());

	private ProblemResponses responses(ChainRefusals sink) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				Map.of("refusals", sink, "meters", this.meters));
		ClaimsMapper mapper = new ClaimsMapper(new IdentityProperties(
				new IdentityProperties.Claims("roles", "teams", "pid", "name", "locale"), null, null));
		return new ProblemResponses(JsonMapper.builder().build(), new CurrentUsers(mapper),
				beans.getBeanProvider(ChainRefusals.class), beans.getBeanProvider(MeterRegistry.class));
	}

	private static MockServerWebExchange refusedPost() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/api/admin/team-directory/hjerte/x").body("{junk"));
		exchange.getAttributes().put(RouteAccess.REFUSED_FOR, "ADMIN");
		return exchange;
	}

	private static void handle(ServerAccessDeniedHandler handler, MockServerWebExchange exchange) {
		handler.handle(exchange, new AccessDeniedException("no"))
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(OLA))
			.block(Duration.ofSeconds(10));
	}

	@Test
	void theRefusalIsAuditedWithTheActorAndTheRolesTheRouteNeeds() {
		List<String> audited = new CopyOnWriteArrayList<>();
		MockServerWebExchange exchange = refusedPost();
		handle(responses((ex, actor, reason) -> Mono.fromRunnable(() -> audited.add(actor.name() + ": " + reason)))
			.forbidden(), exchange);
		assertThat(audited).containsExactly("Ola Fjellheim: the route needs the role ADMIN");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"urn:heima:problem:forbidden\"")
			.contains("This requires the role ADMIN");
	}

	@Test
	void aFailingAuditStillAnswers403() {
		MockServerWebExchange failing = refusedPost();
		handle(responses((ex, actor, reason) -> Mono.error(new IllegalStateException("database down"))).forbidden(),
				failing);
		assertThat(failing.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		MockServerWebExchange throwing = refusedPost();
		handle(responses((ex, actor, reason) -> {
			throw new IllegalStateException("broken before subscribing");
		}).forbidden(), throwing);
		assertThat(throwing.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.meters.counter("heima.security.refusals.unaudited").count()).isEqualTo(2);
	}

	@Test
	void aHangingAuditIsGivenUpAfterTheTimeout() {
		MockServerWebExchange exchange = refusedPost();
		long start = System.nanoTime();
		handle(responses((ex, actor, reason) -> Mono.never()).forbidden(), exchange);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isLessThan(ProblemResponses.AUDIT_TIMEOUT.plusSeconds(3));
	}

	@Test
	void anAnonymousRefusalIsCountedNotAudited() {
		List<String> audited = new CopyOnWriteArrayList<>();
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/patients"));
		responses((ex, actor, reason) -> Mono.fromRunnable(() -> audited.add(reason))).unauthenticated()
			.commence(exchange, null)
			.block(Duration.ofSeconds(10));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(audited).isEmpty();
		assertThat(this.meters.counter("heima.security.refusals", "status", "401", "reason", "no-credentials").count())
			.isEqualTo(1);
	}

}
