package local.heima.idp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactory;
import local.heima.idp.testsupport.OidcTestLogin;
import local.heima.idp.testsupport.OidcTestLogin.Tokens;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import local.heima.idp.testsupport.TestJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider as the default run gets it: local-idp.yaml's users and clients, with only
 * the port, the issuer and the backend's address changed the way the launcher changes
 * them.
 */
class LocalIdpDefaultsTest {

	private static final String SECRET = "heima-local-dev-secret";

	private static final String PATIENT_CALLBACK = "http://localhost:18080/login/oauth2/code/patient";

	private static ConfigurableApplicationContext idp;

	private static URI issuer;

	private static JwtDecoder decoder;

	@BeforeAll
	static void start() {
		// a blank issuer makes the server derive it from the request, so the random port
		// needs no guessing
		idp = LocalIdpApplication.start(Map.of("server.port", "0", "heima.local-idp.issuer", "",
				"heima.local-idp.backend-url", "http://localhost:18080"));
		issuer = URI.create("http://localhost:" + idp.getEnvironment().getProperty("local.server.port"));
		// verifies signatures against the published JWKS and that "iss" equals the issuer
		decoder = TestJwtDecoder.forIssuer(issuer);
	}

	@AfterAll
	static void stop() {
		idp.close();
	}

	@Test
	void publishesOidcDiscoveryForTheRequestedIssuer() throws Exception {
		Map<String, Object> discovery = getJson(issuer.resolve("/.well-known/openid-configuration"), null);
		assertThat(discovery.get("issuer")).isEqualTo(issuer.toString());
		assertThat(discovery.get("end_session_endpoint")).isEqualTo(issuer + "/connect/logout");
		assertThat(discovery).containsKeys("jwks_uri", "userinfo_endpoint", "token_endpoint");
		assertThat(discovery.get("id_token_signing_alg_values_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("RS256");
	}

	@Test
	void patientLoginYieldsTokensWithIdentityAndAccessClaims() {
		Tokens tokens = OidcTestLogin.login(issuer, "heima-patient", SECRET, PATIENT_CALLBACK, "pasient1", "demo",
				"openid profile");
		Jwt idToken = decoder.decode(tokens.idToken());
		Jwt accessToken = decoder.decode(tokens.accessToken());
		for (Jwt jwt : List.of(idToken, accessToken)) {
			assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
			assertThat(jwt.getSubject()).isEqualTo("pasient1");
			assertThat(jwt.getClaims()).containsEntry("name", "Kari Nordvik")
				.containsEntry("given_name", "Kari")
				.containsEntry("family_name", "Nordvik")
				.containsEntry("pid", "12837540028")
				.containsEntry("locale", "nb");
			assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PATIENT");
			assertThat(jwt.getClaimAsStringList("teams")).containsExactly("hjerte");
		}
		assertThat(idToken.getAudience()).containsExactly("heima-patient");
		assertThat(tokens.refreshToken()).isNotBlank();
	}

	@Test
	void userinfoReturnsTheSameClaimsAsTheTokens() throws Exception {
		Tokens tokens = OidcTestLogin.login(issuer, "heima-clinician", SECRET,
				"http://localhost:18080/login/oauth2/code/clinician", "sykepleier2", "demo");
		Map<String, Object> userInfo = getJson(issuer.resolve("/userinfo"), tokens.accessToken());
		assertThat(userInfo).containsEntry("sub", "sykepleier2")
			.containsEntry("name", "Per Lund")
			.containsEntry("pid", "17859240097")
			.containsEntry("roles", List.of("CLINICIAN"))
			.containsEntry("teams", List.of("lunge"));
	}

	@Test
	void refreshedTokensKeepTheClaims() {
		Tokens first = OidcTestLogin.login(issuer, "heima-patient", SECRET, PATIENT_CALLBACK, "pasient2", "demo");
		Tokens refreshed = OidcTestLogin.refresh(issuer, "heima-patient", SECRET, first.refreshToken());
		Jwt accessToken = decoder.decode(refreshed.accessToken());
		assertThat(accessToken.getClaims()).containsEntry("pid", "24896840041");
		assertThat(accessToken.getClaimAsStringList("teams")).containsExactly("lunge");
	}

	@Test
	void rpInitiatedLogoutReturnsToTheRegisteredPage() throws Exception {
		Tokens tokens = OidcTestLogin.login(issuer, "heima-patient", SECRET, PATIENT_CALLBACK, "pasient1", "demo");
		URI logout = URI.create(issuer + "/connect/logout?id_token_hint=" + tokens.idToken()
				+ "&post_logout_redirect_uri=http://localhost:18080/patient/&state=bye");
		HttpResponse<Void> response = OidcTestLogin.newBrowser()
			.send(HttpRequest.newBuilder(logout).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:18080/patient/?state=bye");
	}

	@Test
	void machineClientGetsItsConfiguredRolesAndTeams() {
		Jwt token = decoder.decode(OidcTestLogin.clientCredentials(issuer, "heima-integration", SECRET));
		assertThat(token.getSubject()).isEqualTo("heima-integration");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("CLINICIAN");
		assertThat(token.getClaimAsStringList("teams")).containsExactly("hjerte");
		assertThat(token.getClaims()).doesNotContainKey("pid");
	}

	@Test
	void refusesWrongPasswordsUnknownRedirectsAndWrongSecrets() {
		assertThatThrownBy(
				() -> OidcTestLogin.login(issuer, "heima-patient", SECRET, PATIENT_CALLBACK, "pasient1", "wrong"))
			.hasMessageContaining("login refused");
		assertThatThrownBy(() -> OidcTestLogin.login(issuer, "heima-patient", SECRET, "http://localhost:18080/evil",
				"pasient1", "demo"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> OidcTestLogin.clientCredentials(issuer, "heima-integration", "not-the-secret"))
			.hasMessageContaining("401");
	}

	@Test
	void ignoresAutoConfigurationOfOtherLibrariesOnTheClasspath() {
		// R2DBC is on this module's test classpath, as it is on the backend's
		assertThat(idp.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> getJson(URI uri, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

}
