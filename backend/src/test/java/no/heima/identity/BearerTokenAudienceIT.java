package no.heima.identity;

import local.heima.idp.testsupport.OidcTestLogin;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestIdp;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Bearer tokens of the right issuer that are not meant for Heima's API are refused with
 * 401 problem details: the ID token of a login, an access token minted for another
 * application of the same issuer, and one issued to a client Heima does not list. The
 * local login provider mints all of them (its {@code other-app} and {@code unlisted-app}
 * clients); Heima's own tokens still pass.
 */
class BearerTokenAudienceIT extends IntegrationTest {

	private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/clinician";

	@Test
	void anIdTokenIsRefusedWhereTheAccessTokenOfTheSameLoginPasses() {
		OidcTestLogin.Tokens tokens = OidcTestLogin.login(TestIdp.issuer(), "heima-clinician", TestIdp.CLIENT_SECRET,
				REDIRECT, "sykepleier1", "demo");
		refused(tokens.idToken());
		accepted(tokens.accessToken());
	}

	@Test
	void aTokenForAnotherApplicationOfTheIssuerIsRefused() {
		refused(OidcTestLogin.clientCredentials(TestIdp.issuer(), "other-app", TestIdp.CLIENT_SECRET));
	}

	@Test
	void aTokenIssuedToAClientHeimaDoesNotListIsRefused() {
		refused(OidcTestLogin.clientCredentials(TestIdp.issuer(), "unlisted-app", TestIdp.CLIENT_SECRET));
	}

	@Test
	void heimasMachineClientPasses() {
		accepted(TestIdp.machineToken());
	}

	private void refused(String token) {
		web.get()
			.uri("/api/me")
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:unauthenticated");
	}

	private void accepted(String token) {
		web.get().uri("/api/me").headers((h) -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
	}

}
