package no.heima.testsupport;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import local.heima.idp.LocalIdpApplication;
import local.heima.idp.testsupport.OidcTestLogin;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OIDC issuer for the tests: the same local login provider the default run uses,
 * started once per JVM on a free port. Tokens come from a real authorization-code login
 * of the demo users.
 */
public final class TestIdp {

	public static final String CLIENT_SECRET = "heima-local-dev-secret";

	private static final String CLIENT = "heima-clinician";

	private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/clinician";

	private static URI issuer;

	private static final Map<String, String> tokens = new HashMap<>();

	private TestIdp() {
	}

	public static synchronized URI issuer() {
		if (issuer == null) {
			ConfigurableApplicationContext idp = LocalIdpApplication
				.start(Map.of("server.port", "0", "heima.local-idp.issuer", ""));
			Runtime.getRuntime().addShutdownHook(new Thread(idp::close));
			issuer = URI.create("http://localhost:" + idp.getEnvironment().getProperty("local.server.port"));
		}
		return issuer;
	}

	/**
	 * An access token of a demo user (password {@code demo}), reused while it has more
	 * than a minute left: the issuer's tokens live a few minutes, and a long suite (or a
	 * loaded machine) outlives them.
	 */
	public static synchronized String accessToken(String username) {
		return cached(username,
				() -> OidcTestLogin.login(issuer(), CLIENT, CLIENT_SECRET, REDIRECT, username, "demo").accessToken());
	}

	/**
	 * A new access token of a demo user, for tests that outlive one token's lifetime (a
	 * few minutes).
	 */
	public static String freshAccessToken(String username) {
		return OidcTestLogin.login(issuer(), CLIENT, CLIENT_SECRET, REDIRECT, username, "demo").accessToken();
	}

	/** A machine client's token (client credentials): roles CLINICIAN, team hjerte. */
	public static synchronized String machineToken() {
		return cached("client:heima-integration",
				() -> OidcTestLogin.clientCredentials(issuer(), "heima-integration", CLIENT_SECRET));
	}

	private static String cached(String key, java.util.function.Supplier<String> login) {
		String token = tokens.get(key);
		if (token == null || expiresAt(token).isBefore(java.time.Instant.now().plusSeconds(60))) {
			token = login.get();
			tokens.put(key, token);
		}
		return token;
	}

	/** The {@code exp} claim of a JWT (read, not verified: the server verifies it). */
	private static java.time.Instant expiresAt(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return java.time.Instant.EPOCH;
		}
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher exp = java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
		return exp.find() ? java.time.Instant.ofEpochSecond(Long.parseLong(exp.group(1))) : java.time.Instant.EPOCH;
	}

}
