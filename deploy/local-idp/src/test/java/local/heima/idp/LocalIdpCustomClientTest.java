package local.heima.idp;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import local.heima.idp.testsupport.OidcTestLogin;
import local.heima.idp.testsupport.OidcTestLogin.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import local.heima.idp.testsupport.TestJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider as another module's tests use it: a fixed issuer, their own client (here
 * one that insists on PKCE, with a redirect target nobody listens on) and their own
 * users.
 */
class LocalIdpCustomClientTest {

	private static final String CALLBACK = "http://127.0.0.1:1/test/callback";

	private static TestIdp idp;

	private static URI issuer;

	@BeforeAll
	static void start() throws IOException {
		Map<String, Object> properties = new HashMap<>();
		properties.put("heima.local-idp.clients[0].client-id", "test-client");
		properties.put("heima.local-idp.clients[0].client-secret", "test-secret");
		properties.put("heima.local-idp.clients[0].redirect-uris[0]", CALLBACK);
		properties.put("heima.local-idp.clients[0].grant-types", "authorization_code");
		properties.put("heima.local-idp.clients[0].scopes", "openid");
		properties.put("heima.local-idp.clients[0].require-pkce", "true");
		// a machine client with no scopes at all, as the launcher registers it
		properties.put("heima.local-idp.clients[1].client-id", "test-machine");
		properties.put("heima.local-idp.clients[1].client-secret", "test-secret");
		properties.put("heima.local-idp.clients[1].grant-types[0]", "client_credentials");
		properties.put("heima.local-idp.clients[1].roles[0]", "ADMIN");
		properties.put("heima.local-idp.users[0].username", "tester");
		properties.put("heima.local-idp.users[0].password", "secret-word");
		properties.put("heima.local-idp.users[0].name", "Test Testesen");
		properties.put("heima.local-idp.users[0].roles", "CLINICIAN,ADMIN");
		properties.put("heima.local-idp.users[0].teams", "hjerte,lunge");
		properties.put("heima.local-idp.users[0].locale", "en");
		idp = TestIdp.start(properties);
		issuer = idp.issuer();
	}

	@AfterAll
	static void stop() {
		idp.close();
	}

	@Test
	void replacesTheDefaultClientsAndUsers() {
		LocalIdpProperties properties = idp.context().getBean(LocalIdpProperties.class);
		assertThat(properties.clients()).extracting(LocalIdpProperties.Client::clientId)
			.containsExactly("test-client", "test-machine");
		assertThat(properties.users()).extracting(LocalIdpProperties.User::username).containsExactly("tester");
	}

	@Test
	void logsInThroughAClientThatRequiresPkce() {
		Tokens tokens = OidcTestLogin.login(issuer, "test-client", "test-secret", CALLBACK, "tester", "secret-word");
		JwtDecoder decoder = TestJwtDecoder.forIssuer(issuer);
		Jwt idToken = decoder.decode(tokens.idToken());
		Jwt accessToken = decoder.decode(tokens.accessToken());
		assertThat(idToken.getIssuer().toString()).isEqualTo(issuer.toString());
		for (Jwt jwt : new Jwt[] { idToken, accessToken }) {
			assertThat(jwt.getClaims()).containsEntry("name", "Test Testesen")
				.containsEntry("locale", "en")
				.doesNotContainKey("pid");
			assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CLINICIAN", "ADMIN");
			assertThat(jwt.getClaimAsStringList("teams")).containsExactly("hjerte", "lunge");
		}
		// no refresh_token grant was registered for this client
		assertThat(tokens.refreshToken()).isNull();
	}

	@Test
	void machineClientWithoutScopesGetsAToken() {
		Jwt token = TestJwtDecoder.forIssuer(issuer)
			.decode(OidcTestLogin.clientCredentials(issuer, "test-machine", "test-secret"));
		assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(token.getClaimAsStringList("teams")).isEmpty();
	}

}
