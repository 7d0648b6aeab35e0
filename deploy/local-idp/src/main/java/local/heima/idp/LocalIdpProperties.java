package local.heima.idp;

import java.util.HashSet;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the login provider knows: its issuer, its demo users and its registered
 * clients. Lists replace each other whole when overridden (Spring's list binding), so a
 * launcher that changes one redirect URI of a client also has to pass that client's other
 * keys.
 *
 * @param issuer the exact issuer URL clients use; blank lets the server take it from each
 * request
 * @param users the people who can log in
 * @param clients the applications allowed to ask for tokens
 */
@ConfigurationProperties("heima.local-idp")
public record LocalIdpProperties(String issuer, List<User> users, List<Client> clients) {

	public LocalIdpProperties {
		users = copy(users);
		clients = copy(clients);
		requireUnique(users.stream().map(User::username).toList(), "username");
		requireUnique(clients.stream().map(Client::clientId).toList(), "client-id");
	}

	/**
	 * A synthetic person. {@code pid} is a synthetic national identity number and may be
	 * absent (for example for staff who only log in with a work identity).
	 */
	public record User(String username, String password, String name, String givenName, String familyName, String pid,
			List<String> roles, List<String> teams, String locale) {

		public User {
			requireText(username, "users[].username");
			requireText(password, "users[].password of " + username);
			roles = copy(roles);
			teams = copy(teams);
		}
	}

	/**
	 * A registered client. {@code roles} and {@code teams} only matter for
	 * client_credentials: a machine client has no user to take them from.
	 * {@code audiences}: the APIs its access tokens are for ({@code aud}); empty leaves
	 * the client's own id there, as an issuer does for a client that names no resource.
	 * With {@code jwkSetUrl} the client must authenticate with {@code private_key_jwt}: a
	 * client assertion signed by a key published there (as HelseID requires), and no
	 * secret is accepted.
	 */
	public record Client(String clientId, String clientSecret, List<String> redirectUris,
			List<String> postLogoutRedirectUris, List<String> grantTypes, List<String> scopes, boolean requirePkce,
			List<String> roles, List<String> teams, List<String> audiences, String jwkSetUrl) {

		public Client {
			requireText(clientId, "clients[].client-id");
			redirectUris = copy(redirectUris);
			postLogoutRedirectUris = copy(postLogoutRedirectUris);
			grantTypes = copy(grantTypes);
			scopes = copy(scopes);
			roles = copy(roles);
			teams = copy(teams);
			audiences = copy(audiences);
		}
	}

	private static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("heima.local-idp." + what + " must be set");
		}
	}

	private static void requireUnique(List<String> values, String what) {
		if (new HashSet<>(values).size() != values.size()) {
			throw new IllegalArgumentException("heima.local-idp: duplicate " + what + " in " + values);
		}
	}

}
