package local.heima.idp;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token endpoint as HelseID runs it for the clients named in
 * {@code heima.local-idp.dpop-clients}: a token request without a DPoP proof is refused
 * ({@code invalid_dpop_proof}), and a proof without the server's current nonce gets
 * {@code use_dpop_nonce} with the nonce in a {@code DPoP-Nonce} header (RFC 9449 §8). The
 * proof itself (signature, {@code htm}, {@code htu}, {@code iat}, {@code jti}) is then
 * checked by Spring Authorization Server, which binds the access token to its key
 * ({@code cnf.jkt}, token type {@code DPoP}).
 */
final class DPoPRequired extends OncePerRequestFilter {

	private final Set<String> clients;

	private final String tokenPath;

	private final String nonce;

	DPoPRequired(Set<String> clients, String tokenPath) {
		this.clients = Set.copyOf(clients);
		this.tokenPath = tokenPath;
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.clients.isEmpty() || !"POST".equals(request.getMethod())
				|| !this.tokenPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// a client that authenticates in the Authorization header (client_secret_basic)
		// names itself nowhere in the form; Set.copyOf's contains refuses null
		String clientId = clientId(request);
		if (clientId == null || !this.clients.contains(clientId)) {
			chain.doFilter(request, response);
			return;
		}
		String proof = request.getHeader("DPoP");
		if (proof == null || proof.isBlank()) {
			refuse(response, "invalid_dpop_proof", "This client must send a DPoP proof");
			return;
		}
		String nonce;
		try {
			nonce = JWTParser.parse(proof).getJWTClaimsSet().getStringClaim("nonce");
		}
		catch (ParseException unreadable) {
			// Spring Authorization Server refuses it with the reason
			chain.doFilter(request, response);
			return;
		}
		if (!this.nonce.equals(nonce)) {
			response.setHeader("DPoP-Nonce", this.nonce);
			refuse(response, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof");
			return;
		}
		chain.doFilter(request, response);
	}

	/** {@code client_id}, or the subject of the client assertion (private_key_jwt). */
	private static String clientId(HttpServletRequest request) {
		String clientId = request.getParameter("client_id");
		String assertion = request.getParameter("client_assertion");
		if ((clientId == null || clientId.isBlank()) && assertion != null) {
			try {
				return JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
			}
			catch (ParseException unreadable) {
				return null;
			}
		}
		return clientId;
	}

	private static void refuse(HttpServletResponse response, String error, String description) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
	}

}
