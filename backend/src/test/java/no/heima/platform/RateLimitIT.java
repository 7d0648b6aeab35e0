package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits on the real PostgreSQL (the migrated test database). Two limiters with
 * pools of their own stand for two replicas: what one spends, the other sees. The filters
 * answer 429 problem details with Retry-After. The shared test context runs with the
 * limits off (its suites write hundreds of times as one user).
 */
class RateLimitIT extends IntegrationTest {

	private static final RateLimitProperties PROPERTIES = new RateLimitProperties(true,
			new RateLimitProperties.Limit(3, Duration.ofMinutes(1)),
			new RateLimitProperties.Limit(2, Duration.ofMinutes(1)), 2);

	@Autowired
	JsonMapper json;

	private RateLimiter replicaA;

	private RateLimiter replicaB;

	@BeforeEach
	void start() {
		TestDatabase.Server db = TestDatabase.get();
		replicaA = new RateLimiter("jdbc:" + db.url(), db.username(), db.password(), 2);
		replicaB = new RateLimiter("jdbc:" + db.url(), db.username(), db.password(), 2);
	}

	@AfterEach
	void stop() {
		replicaA.close();
		replicaB.close();
	}

	@Test
	void replicasShareOneBucket() {
		String user = "user-" + UUID.randomUUID();
		var limit = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));
		assertThat(replicaA.tryConsume("write", user, limit).block().allowed()).isTrue();
		assertThat(replicaB.tryConsume("write", user, limit).block().allowed()).isTrue();
		assertThat(replicaA.tryConsume("write", user, limit).block().allowed()).isTrue();
		RateLimiter.Decision fourth = replicaB.tryConsume("write", user, limit).block();
		assertThat(fourth.allowed()).isFalse();
		assertThat(fourth.retryAfterSeconds()).isBetween(1L, 21L);
		assertThat(replicaA.tryConsume("write", "someone-else-" + user, limit).block().allowed()).isTrue();
	}

	@Test
	void writesPerUserGet429ProblemWithRetryAfterReadsDoNot() {
		WebFilter filter = new RateLimits().writeRateLimit(replicaA, PROPERTIES, json);
		String name = "nurse-" + UUID.randomUUID();
		Principal nurse = () -> name;
		assertThat(run(filter, write(nurse))).isNull();
		assertThat(run(filter, write(nurse))).isNull();
		ServerWebExchange refused = write(nurse);
		assertThat(run(filter, refused)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(refused.getResponse().getHeaders().getContentType().toString())
			.isEqualTo("application/problem+json");
		assertThat(((MockServerHttpResponse) refused.getResponse()).getBodyAsString().block())
			.contains("urn:heima:problem:rate-limited");
		// reads are not limited; another user has a bucket of their own
		assertThat(run(filter, exchange(MockServerHttpRequest.get("/api/patients"), nurse))).isNull();
		String other = "other-" + UUID.randomUUID();
		assertThat(run(filter, write(() -> other))).isNull();
	}

	@Test
	void loginsPerAddressAreLimited() {
		WebFilter filter = new RateLimits().loginRateLimit(replicaB, PROPERTIES, json);
		InetSocketAddress address = new InetSocketAddress("203.0.113." + (1 + (int) (Math.random() * 250)), 40000);
		for (int i = 0; i < 3; i++) {
			assertThat(run(filter, login(address))).isNull();
		}
		assertThat(run(filter, login(address))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(
				run(filter, MockServerWebExchange.from(MockServerHttpRequest.get("/patient/").remoteAddress(address))))
			.isNull();
	}

	private static ServerWebExchange write(Principal user) {
		return exchange(MockServerHttpRequest.post("/api/measurements"), user);
	}

	private static ServerWebExchange login(InetSocketAddress address) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/oauth2/authorization/clinician").remoteAddress(address));
	}

	private static ServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, Principal user) {
		return MockServerWebExchange.from(request).mutate().principal(Mono.just(user)).build();
	}

	/** The status the filter set, or null when it passed the request on. */
	private static HttpStatus run(WebFilter filter, ServerWebExchange exchange) {
		filter.filter(exchange, (passed) -> Mono.empty()).block(Duration.ofSeconds(10));
		var status = exchange.getResponse().getStatusCode();
		return status == null ? null : HttpStatus.valueOf(status.value());
	}

}
