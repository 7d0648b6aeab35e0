package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token the FHIR gateway no longer takes (401) is dropped, so the next request (the
 * probe's, then the rows') fetches a new one instead of every row failing until the old
 * one would have expired (issue 13: "401 after a token refresh").
 */
class FhirAuthTest {

	private final AtomicInteger issued = new AtomicInteger();

	private HttpServer tokens;

	@BeforeEach
	void startTokenEndpoint() throws Exception {
		this.tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.tokens.createContext("/token", (exchange) -> {
			byte[] body = ("{\"access_token\":\"token-" + this.issued.incrementAndGet() + "\",\"expires_in\":3600}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.tokens.start();
	}

	@AfterEach
	void stopTokenEndpoint() {
		this.tokens.stop(0);
	}

	@Test
	void aTokenIsReusedUntilTheServerRefusesItThenANewOneIsFetched() {
		FhirAuth auth = auth();

		assertThat(authorization(auth)).isEqualTo("Bearer token-1");
		assertThat(authorization(auth)).isEqualTo("Bearer token-1");

		IHttpResponse refused = mock(IHttpResponse.class);
		when(refused.getStatus()).thenReturn(401);
		auth.interceptResponse(refused);

		assertThat(authorization(auth)).isEqualTo("Bearer token-2");
		assertThat(this.issued.get()).isEqualTo(2);
	}

	@Test
	void otherAnswersKeepTheToken() {
		FhirAuth auth = auth();
		authorization(auth);
		for (int status : new int[] { 200, 201, 404, 500, 503 }) {
			IHttpResponse response = mock(IHttpResponse.class);
			when(response.getStatus()).thenReturn(status);
			auth.interceptResponse(response);
		}
		assertThat(authorization(auth)).isEqualTo("Bearer token-1");
	}

	private FhirAuth auth() {
		FhirServerProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("heima.fhir.base-url", "http://fhir.example/fhir", "heima.fhir.auth.token-uri",
						"http://127.0.0.1:" + this.tokens.getAddress().getPort() + "/token",
						"heima.fhir.auth.client-id", "heima", "heima.fhir.auth.client-secret", "secret")))
			.bind("heima.fhir", FhirServerProperties.class)
			.get();
		return new FhirAuth(properties, JsonMapper.builder().build());
	}

	private static String authorization(FhirAuth auth) {
		IHttpRequest request = mock(IHttpRequest.class);
		auth.interceptRequest(request);
		var header = org.mockito.ArgumentCaptor.forClass(String.class);
		verify(request).addHeader(org.mockito.ArgumentMatchers.eq("Authorization"), header.capture());
		return header.getValue();
	}

}
