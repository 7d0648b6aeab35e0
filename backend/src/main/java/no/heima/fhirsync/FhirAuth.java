package no.heima.fhirsync;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials for the FHIR server, when configured: a token is fetched when
 * needed and reused until shortly before it expires. Runs inside the blocking HAPI
 * client's thread.
 */
@Component
class FhirAuth implements IClientInterceptor {

	private static final Duration EARLY = Duration.ofSeconds(30);

	private final FhirServerProperties.Auth auth;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private String token;

	private Instant expires = Instant.EPOCH;

	FhirAuth(FhirServerProperties properties, JsonMapper json) {
		this.auth = properties.auth();
		this.json = json;
	}

	boolean enabled() {
		return this.auth.enabled();
	}

	@Override
	public void interceptRequest(IHttpRequest request) {
		request.addHeader("Authorization", "Bearer " + token());
	}

	@Override
	public void interceptResponse(IHttpResponse response) {
		if (response.getStatus() == 401) {
			synchronized (this) {
				this.expires = Instant.EPOCH;
			}
		}
	}

	private synchronized String token() {
		if (this.token != null && Instant.now().isBefore(this.expires.minus(EARLY))) {
			return this.token;
		}
		String form = "grant_type=client_credentials" + ((this.auth.scope() != null)
				? "&scope=" + URLEncoder.encode(this.auth.scope(), StandardCharsets.UTF_8) : "");
		String basic = Base64.getEncoder()
			.encodeToString((URLEncoder.encode(this.auth.clientId(), StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(this.auth.clientSecret(), StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.auth.tokenUri()))
				.timeout(Duration.ofSeconds(20))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Token endpoint answered " + response.statusCode());
			}
			JsonNode body = this.json.readTree(response.body());
			this.token = body.get("access_token").asString();
			this.expires = Instant.now().plusSeconds(body.has("expires_in") ? body.get("expires_in").asLong() : 300);
			return this.token;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Token endpoint unreachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fetching a token", ex);
		}
	}

}
