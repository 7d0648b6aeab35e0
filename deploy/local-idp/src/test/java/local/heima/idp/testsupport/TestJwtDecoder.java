package local.heima.idp.testsupport;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Verifies tokens against the provider's published keys and issuer. Built with generous
 * timeouts: on a loaded 2-core CI machine the default discovery read timeout was seen to
 * expire.
 */
public final class TestJwtDecoder {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TestJwtDecoder() {
	}

	public static JwtDecoder forIssuer(URI issuer) {
		SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
		http.setConnectTimeout(TIMEOUT);
		http.setReadTimeout(TIMEOUT);
		String base = issuer.toString().replaceAll("/+$", "");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
			.restOperations(new RestTemplate(http))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.toString()));
		return decoder;
	}

}
