package local.heima.idp.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * Logs in at an OIDC provider the way a browser and a confidential client would, over
 * real HTTP, so tests get genuine tokens instead of hand-made ones. Written for the local
 * login provider's default form login page (fields {@code username}, {@code password},
 * hidden {@code _csrf}), but it only speaks the protocol: it works for any confidential
 * client and any redirect URI registered on it. The redirect target is never contacted;
 * following stops at the redirect to it.
 */
public final class OidcTestLogin {

	/**
	 * The token endpoint's answer; {@code refreshToken} is null when the client has no
	 * refresh_token grant.
	 */
	public record Tokens(String accessToken, String idToken, String refreshToken) {
	}

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final int MAX_HOPS = 12;

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private OidcTestLogin() {
	}

	/**
	 * Authorization-code login with scope {@code openid}; returns the tokens the client
	 * would receive.
	 */
	public static Tokens login(URI issuer, String clientId, String secret, String redirectUri, String username,
			String password) {
		return login(issuer, clientId, secret, redirectUri, username, password, "openid");
	}

	/**
	 * As {@link #login(URI, String, String, String, String, String)} with the given
	 * space-separated scopes.
	 */
	public static Tokens login(URI issuer, String clientId, String secret, String redirectUri, String username,
			String password, String scope) {
		Map<String, Object> discovery = discover(issuer);
		String state = random();
		String verifier = random() + random();
		// PKCE is always sent: harmless for clients that don't require it, needed by
		// those that do
		URI authorize = URI.create(discovery.get("authorization_endpoint") + "?"
				+ form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope",
						scope, "state", state, "nonce", random(), "code_challenge", challenge(verifier),
						"code_challenge_method", "S256")));
		URI callback = followLogin(newBrowser(), authorize, username, password, redirectUri);
		Map<String, String> answer = query(callback);
		if (answer.containsKey("error") || !state.equals(answer.get("state"))) {
			throw new IllegalStateException("authorization failed: " + callback);
		}
		Map<String, Object> tokens = tokenRequest(discovery, clientId, secret,
				Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", redirectUri,
						"code_verifier", verifier));
		return new Tokens((String) tokens.get("access_token"), (String) tokens.get("id_token"),
				(String) tokens.get("refresh_token"));
	}

	/** Redeems a refresh token, as a client does when its access token has expired. */
	public static Tokens refresh(URI issuer, String clientId, String secret, String refreshToken) {
		Map<String, Object> tokens = tokenRequest(discover(issuer), clientId, secret,
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
		return new Tokens((String) tokens.get("access_token"), (String) tokens.get("id_token"),
				(String) tokens.get("refresh_token"));
	}

	/**
	 * A client_credentials access token, without a scope parameter (the client gets what
	 * it may have).
	 */
	public static String clientCredentials(URI issuer, String clientId, String secret) {
		Map<String, Object> tokens = tokenRequest(discover(issuer), clientId, secret,
				Map.of("grant_type", "client_credentials"));
		return (String) tokens.get("access_token");
	}

	/**
	 * An HTTP client that keeps cookies like a browser but lets the caller follow
	 * redirects.
	 */
	public static HttpClient newBrowser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(TIMEOUT)
			.build();
	}

	/**
	 * Starting at {@code start} (an authorization request, or an application URL that
	 * redirects to one), follows redirects, fills in the login form once, and returns the
	 * first redirect whose target begins with {@code stopAt}, without requesting it. Lets
	 * a test drive a real application's oauth2Login with the same {@code browser}, whose
	 * cookies it keeps.
	 */
	public static URI followLogin(HttpClient browser, URI start, String username, String password, String stopAt) {
		HttpResponse<String> response = send(browser, page(start).GET());
		boolean submitted = false;
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			URI current = response.request().uri();
			if (response.statusCode() / 100 == 3) {
				URI next = current.resolve(response.headers().firstValue("Location").orElseThrow());
				if (next.toString().startsWith(stopAt)) {
					return next;
				}
				response = send(browser, page(next).GET());
			}
			else if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
				if (submitted) {
					throw new IllegalStateException("login refused for " + username + " at " + current);
				}
				submitted = true;
				response = send(browser, loginForm(current, response.body(), username, password));
			}
			else {
				throw new IllegalStateException("unexpected " + response.statusCode() + " from " + current + ": "
						+ abbreviate(response.body()));
			}
		}
		throw new IllegalStateException("no redirect to " + stopAt + " after " + MAX_HOPS + " hops");
	}

	private static HttpRequest.Builder loginForm(URI page, String html, String username, String password) {
		Matcher csrf = CSRF_INPUT.matcher(html);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		if (csrf.find()) {
			Matcher value = VALUE.matcher(csrf.group());
			if (value.find()) {
				fields.put("_csrf", value.group(1));
			}
		}
		Matcher action = FORM_ACTION.matcher(html);
		URI target = page.resolve(action.find() ? action.group(1).replace("&amp;", "&") : page.getPath());
		return page(target).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)));
	}

	private static Map<String, Object> discover(URI issuer) {
		String base = issuer.toString().replaceAll("/+$", "");
		HttpResponse<String> response = send(newBrowser(),
				HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
					.header("Accept", "application/json")
					.GET());
		return json(response, "discovery");
	}

	private static Map<String, Object> tokenRequest(Map<String, Object> discovery, String clientId, String secret,
			Map<String, String> parameters) {
		// client_secret_basic: RFC 6749 §2.3.1 form-encodes id and secret before base64
		String credentials = encode(clientId) + ":" + encode(secret);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) discovery.get("token_endpoint")))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
		return json(send(newBrowser(), request), "token request");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response, String what) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					what + " failed with " + response.statusCode() + ": " + abbreviate(response.body()));
		}
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

	private static HttpRequest.Builder page(URI uri) {
		// as a browser would: servers may only send HTML requests to their login page
		return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP request failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = eq < 0 ? pair : pair.substring(0, eq);
				String value = eq < 0 ? "" : pair.substring(eq + 1);
				parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static String form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(encode(name))
			.append('=')
			.append(encode(value)));
		return body.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String random() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String body) {
		return body.length() <= 300 ? body : body.substring(0, 300) + "...";
	}

}
