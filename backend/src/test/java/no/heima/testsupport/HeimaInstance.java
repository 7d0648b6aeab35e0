package no.heima.testsupport;

import java.util.HashMap;
import java.util.Map;
import no.heima.HeimaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A Heima instance a test starts and stops itself (to restart it, or to run two at once),
 * on a free port, against the shared test database and OIDC issuer. Given properties win
 * over application.yaml.
 */
public final class HeimaInstance {

	private HeimaInstance() {
	}

	public static ConfigurableApplicationContext start(Map<String, Object> extra) {
		TestDatabase.Server db = TestDatabase.get();
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("heima.db.url", db.url());
		properties.put("heima.db.username", TestDatabase.appRole().username());
		properties.put("heima.db.password", TestDatabase.appRole().password());
		properties.put("heima.db.migration.username", db.username());
		properties.put("heima.db.migration.password", db.password());
		properties.put("heima.oidc.issuer", TestIdp.issuer().toString());
		properties.put("heima.patient.accept-synthetic-identifiers", "true");
		properties.put("heima.questionnaire.seed", "false");
		properties.put("heima.questionnaire.warm-up", "false");
		properties.put("heima.rate-limit.enabled", "false");
		properties.put("heima.reminder.enabled", "false");
		properties.put("spring.security.oauth2.client.registration.patient.client-secret", TestIdp.CLIENT_SECRET);
		properties.put("spring.security.oauth2.client.registration.clinician.client-secret", TestIdp.CLIENT_SECRET);
		properties.putAll(extra);
		ApplicationListener<ApplicationEnvironmentPreparedEvent> first = (event) -> event.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("heimaTestInstance", properties));
		// Reactor Netty resources of its own: the default global ones would be disposed
		// when this
		// instance closes, taking down every other server in the JVM (the tests' shared
		// context too)
		ApplicationContextInitializer<ConfigurableApplicationContext> ownResources = (
				context) -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
					ReactorResourceFactory factory = new ReactorResourceFactory();
					factory.setUseGlobalResources(false);
					return factory;
				});
		return new SpringApplicationBuilder(HeimaApplication.class).web(WebApplicationType.REACTIVE)
			.listeners(first)
			.initializers(ownResources)
			.run();
	}

	/**
	 * {@code GET path} on the instance as {@code user} (a real login), expecting 200; the
	 * body. Waits up to ten minutes (benchmarks on big populations).
	 */
	public static String get(ConfigurableApplicationContext context, String user, String path) {
		return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
			.baseUrl(baseUrl(context))
			.responseTimeout(java.time.Duration.ofMinutes(10))
			.build()
			.get()
			.uri(path)
			.header("Authorization", "Bearer " + TestIdp.accessToken(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	public static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
