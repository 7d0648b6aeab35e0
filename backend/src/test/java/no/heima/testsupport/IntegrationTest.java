package no.heima.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port, against a real PostgreSQL
 * ({@link TestDatabase}) and a real OIDC issuer ({@link TestIdp}). All subclasses share
 * one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

	@Autowired
	protected WebTestClient web;

	@DynamicPropertySource
	static void heimaProperties(DynamicPropertyRegistry registry) {
		TestDatabase.Server db = TestDatabase.get();
		registry.add("heima.db.url", db::url);
		registry.add("heima.db.username", db::username);
		registry.add("heima.db.password", db::password);
		registry.add("heima.oidc.issuer", () -> TestIdp.issuer().toString());
		registry.add("heima.patient.accept-synthetic-identifiers", () -> "true");
		registry.add("spring.security.oauth2.client.registration.patient.client-secret", () -> TestIdp.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.clinician.client-secret", () -> TestIdp.CLIENT_SECRET);
	}

	protected WebTestClient as(String username) {
		return web.mutate().defaultHeaders(h -> h.setBearerAuth(TestIdp.accessToken(username))).build();
	}

	protected WebTestClient asMachine() {
		return web.mutate().defaultHeaders(h -> h.setBearerAuth(TestIdp.machineToken())).build();
	}

}
