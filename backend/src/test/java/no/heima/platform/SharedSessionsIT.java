package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import local.heima.idp.LocalIdpApplication;
import local.heima.idp.testsupport.OidcTestLogin;
import no.heima.testsupport.HeimaInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Two replicas sharing sessions through Redis ({@code heima.session.store=redis}, the
 * Redis on 127.0.0.1:6379 or {@code HEIMA_TEST_REDIS_URL}): a nurse logs in on A through
 * the real OIDC flow, B knows her by the same cookie (the API and the worklist stream),
 * and after A restarts she is still logged in. Each run uses a key namespace of its own,
 * so runs cannot see each other's sessions.
 */
class SharedSessionsIT {

	private static final String NAMESPACE = "heima-test:" + UUID.randomUUID();

	private static ConfigurableApplicationContext idp;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static int portA;

	private static Map<String, Object> replica;

	@BeforeAll
	static void start() throws IOException {
		portA = freePort();
		// a login provider of its own: its client's redirect URI must name A's port
		idp = LocalIdpApplication.start(Map.of("server.port", "0", "heima.local-idp.issuer", "",
				"heima.local-idp.backend-url", "http://localhost:" + portA));
		replica = new HashMap<>();
		replica.put("heima.oidc.issuer", "http://localhost:" + idp.getEnvironment().getProperty("local.server.port"));
		replica.put("heima.session.store", "redis");
		replica.put("spring.data.redis.url",
				System.getenv().getOrDefault("HEIMA_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
		replica.put("spring.session.data.redis.namespace", NAMESPACE);
		replica.put("spring.session.timeout", "10m");
		a = startA();
		b = HeimaInstance.start(replica);
	}

	private static ConfigurableApplicationContext startA() {
		Map<String, Object> onA = new HashMap<>(replica);
		onA.put("server.port", Integer.toString(portA));
		return HeimaInstance.start(onA);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			List<String> keys = redisKeys();
			if (!keys.isEmpty()) {
				redis().delete(Flux.fromIterable(keys)).block(Duration.ofSeconds(10));
			}
		}
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { a, b, idp }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void aLoginOnAHoldsOnBAndSurvivesARestartOfA() throws Exception {
		String baseA = "http://localhost:" + portA;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		URI callback = OidcTestLogin.followLogin(browser, URI.create(baseA + "/oauth2/authorization/clinician"),
				"sykepleier1", "demo", baseA + "/login/oauth2/code/");
		HttpResponse<String> landed = get(browser, callback.toString(), null);
		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(get(browser, baseA + "/api/me", null).body()).contains("Nina Berg");

		String session = cookies.getCookieStore()
			.get(URI.create(baseA))
			.stream()
			.filter((c) -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie: " + cookies.getCookieStore().getCookies()));

		// the login lives in Redis, under this run's own namespace
		assertThat(redisKeys()).contains(NAMESPACE + ":sessions:" + session);

		// B never saw the login; the cookie alone must do, for the API and the live
		// worklist
		String baseB = HeimaInstance.baseUrl(b);
		HttpResponse<String> onB = get(HttpClient.newHttpClient(), baseB + "/api/me", session);
		assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
		assertThat(onB.body()).contains("Nina Berg").contains("CLINICIAN");
		assertThat(firstEvent(baseB, session)).as("the live worklist on B, by the cookie from A")
			.isEqualTo("connected");
		a.close();
		a = startA();
		HttpResponse<String> afterRestart = get(browser, baseA + "/api/me", null);
		assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
		assertThat(afterRestart.body()).contains("Nina Berg");
		// ... and the live worklist opens on the restarted A and on B with the same
		// cookie
		assertThat(firstEvent(baseA, session)).as("the live worklist on the restarted A").isEqualTo("connected");
		assertThat(firstEvent(baseB, session)).as("the live worklist on B, after A's restart").isEqualTo("connected");
	}

	/**
	 * The first event of the worklist stream opened with the session cookie: the
	 * {@code connected} comment once the stream is authorised (changes made through any
	 * replica then reach it by PostgreSQL NOTIFY: WorklistTwoInstancesIT).
	 */
	private static String firstEvent(String base, String session) {
		ServerSentEvent<String> first = WebClient.create(base)
			.get()
			.uri("/api/worklist/stream")
			.cookie("SESSION", session)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.blockFirst(Duration.ofSeconds(20));
		assertThat(first).isNotNull();
		return first.comment();
	}

	@Test
	void anUnknownCookieIsNotALogin() throws Exception {
		HttpResponse<String> response = get(HttpClient.newHttpClient(), HeimaInstance.baseUrl(b) + "/api/me",
				UUID.randomUUID().toString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static List<String> redisKeys() {
		return redis().keys(NAMESPACE + ":*").collectList().block(Duration.ofSeconds(10));
	}

	private static ReactiveStringRedisTemplate redis() {
		return new ReactiveStringRedisTemplate(b.getBean(ReactiveRedisConnectionFactory.class));
	}

	private static HttpResponse<String> get(HttpClient client, String url, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
