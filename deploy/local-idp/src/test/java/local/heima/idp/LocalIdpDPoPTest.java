package local.heima.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import local.heima.idp.testsupport.TestJwtDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A client named in {@code heima.local-idp.dpop-clients} gets tokens only with a DPoP
 * proof carrying the server's nonce, as HelseID hands them out; the token is then bound
 * to the proof's key. Other clients are untouched.
 */
class LocalIdpDPoPTest {

	private static TestIdp idp;

	private static URI issuer;

	@BeforeAll
	static void start() throws IOException {
		Map<String, Object> properties = new HashMap<>();
		properties.put("heima.local-idp.dpop-clients", "bound-machine");
		for (int i = 0; i < 2; i++) {
			properties.put("heima.local-idp.clients[" + i + "].client-id",
					(i == 0) ? "bound-machine" : "bearer-machine");
			properties.put("heima.local-idp.clients[" + i + "].client-secret", "test-secret");
			properties.put("heima.local-idp.clients[" + i + "].grant-types[0]", "client_credentials");
			properties.put("heima.local-idp.clients[" + i + "].roles[0]", "ADMIN");
		}
		idp = TestIdp.start(properties);
		issuer = idp.issuer();
	}

	@AfterAll
	static void stop() {
		idp.close();
	}

	@Test
	void aBoundClientNeedsAProofWithTheNonceAndGetsATokenBoundToItsKey() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		URI token = issuer.resolve("/oauth2/token");

		HttpResponse<String> withoutProof = tokenRequest("bound-machine", null);
		assertThat(withoutProof.statusCode()).isEqualTo(400);
		assertThat(withoutProof.body()).contains("\"invalid_dpop_proof\"");

		HttpResponse<String> withoutNonce = tokenRequest("bound-machine", proof(key, token, null));
		assertThat(withoutNonce.statusCode()).isEqualTo(400);
		assertThat(withoutNonce.body()).contains("\"use_dpop_nonce\"");
		String nonce = withoutNonce.headers().firstValue("DPoP-Nonce").orElseThrow();

		HttpResponse<String> otherTarget = tokenRequest("bound-machine",
				proof(key, issuer.resolve("/elsewhere"), nonce));
		assertThat(otherTarget.statusCode()).as("a proof for another URI").isEqualTo(400);

		HttpResponse<String> bound = tokenRequest("bound-machine", proof(key, token, nonce));
		assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
		assertThat(bound.body()).contains("\"token_type\":\"DPoP\"");
		String accessToken = bound.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		Jwt jwt = TestJwtDecoder.forIssuer(issuer).decode(accessToken);
		assertThat(jwt.getClaimAsMap("cnf")).containsEntry("jkt", key.computeThumbprint().toString());
	}

	@Test
	void otherClientsStillGetBearerTokensWithoutAProof() throws Exception {
		HttpResponse<String> bearer = tokenRequest("bearer-machine", null);
		assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(200);
		assertThat(bearer.body()).contains("\"token_type\":\"Bearer\"");
		// a client that names itself only in the Authorization header
		// (client_secret_basic,
		// as Heima's patient login does): no client_id in the form at all
		HttpResponse<String> basicOnly = tokenRequest("bearer-machine", null, false);
		assertThat(basicOnly.statusCode()).as(basicOnly.body()).isEqualTo(200);
		assertThat(basicOnly.body()).contains("\"token_type\":\"Bearer\"");
	}

	private static HttpResponse<String> tokenRequest(String clientId, String proof) throws Exception {
		return tokenRequest(clientId, proof, true);
	}

	private static HttpResponse<String> tokenRequest(String clientId, String proof, boolean clientIdInForm)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((clientId + ":test-secret").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials" + (clientIdInForm ? "&client_id=" + clientId : "")));
		if (proof != null) {
			request.header("DPoP", proof);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String proof(ECKey key, URI target, String nonce) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.issueTime(new Date())
			.claim("htm", "POST")
			.claim("htu", target.toString());
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
			.jwk(key.toPublicJWK())
			.build(), claims.build());
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

}
