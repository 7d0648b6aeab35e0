package no.heima.identity;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are read.
 *
 * @param claims which claim carries what
 * @param clients per OAuth2 client registration (e.g. {@code patient},
 * {@code clinician}): where the app lives and which roles a login through it may carry
 * @param roleAliases extra claim values that mean a Heima role (e.g. an Entra group id →
 * CLINICIAN)
 */
@ConfigurationProperties("heima.identity")
record IdentityProperties(@DefaultValue Claims claims, Map<String, Client> clients, Map<String, Role> roleAliases) {

	IdentityProperties {
		clients = clients == null ? Map.of() : Map.copyOf(clients);
		roleAliases = roleAliases == null ? Map.of() : Map.copyOf(roleAliases);
	}

	record Claims(@DefaultValue("roles") String roles, @DefaultValue("teams") String teams,
			@DefaultValue("pid") String nationalId, @DefaultValue("name") String name,
			@DefaultValue("locale") String locale) {
	}

	/**
	 * @param home path the browser lands on after login, e.g. {@code /patient/}
	 * @param allowedRoles roles a login through this registration may carry (others are
	 * dropped)
	 * @param defaultRoles roles every login through it gets (ID-porten tokens carry no
	 * roles)
	 * @param claims this provider's claim names (null: the global ones), e.g. HelseID's
	 * {@code helseid://claims/identity/pid}
	 * @param roleAliases claim values that mean a role for this provider only (e.g. an
	 * Entra group id), on top of the global ones
	 * @param rolesIfClaimed a role every login carrying a non-blank value of the named
	 * claim gets (e.g. HelseID's HPR number: authorised health personnel → CLINICIAN)
	 * @param teamAliases when not empty, the teams claim's values are translated through
	 * it (e.g. HelseID organisation numbers or Entra group ids → Heima team names) and
	 * values not in it are dropped
	 * @param login how the login is asked for and checked
	 */
	record Client(String home, Set<Role> allowedRoles, Set<Role> defaultRoles, Claims claims,
			Map<String, Role> roleAliases, Map<String, Role> rolesIfClaimed, Map<String, String> teamAliases,
			@DefaultValue Login login) {
		Client {
			allowedRoles = allowedRoles == null ? Set.of() : Set.copyOf(allowedRoles);
			defaultRoles = defaultRoles == null ? Set.of() : Set.copyOf(defaultRoles);
			roleAliases = roleAliases == null ? Map.of() : Map.copyOf(roleAliases);
			rolesIfClaimed = rolesIfClaimed == null ? Map.of() : Map.copyOf(rolesIfClaimed);
			teamAliases = teamAliases == null ? Map.of() : Map.copyOf(teamAliases);
		}

	}

	/**
	 * @param pkce send a PKCE code challenge (ID-porten and HelseID require it, also of
	 * confidential clients)
	 * @param acrValues the {@code acr_values} asked for, e.g. ID-porten's
	 * {@code idporten-loa-high}
	 * @param acceptedAcr when not empty, the ID token's {@code acr} claim must be one of
	 * these, or the login is refused
	 * @param privateKey for {@code client-authentication-method: private_key_jwt}: the
	 * client's private key as a JWK (JSON), or where to read it ({@code file:...}); only
	 * from the environment or a mounted file
	 * @param assertionAudience the {@code aud} of the signed client assertion:
	 * {@code token-endpoint} (default) or {@code issuer} (HelseID)
	 * @param dpop send a DPoP proof with the token request, so the provider binds the
	 * access token to this instance's key (HelseID requires it); the user's claims are
	 * then taken from the ID token alone, as the userinfo endpoint would want the bound
	 * token presented with a proof too
	 */
	record Login(boolean pkce, String acrValues, Set<String> acceptedAcr, String privateKey, String assertionAudience,
			boolean dpop) {
		Login {
			acceptedAcr = acceptedAcr == null ? Set.of() : Set.copyOf(acceptedAcr);
		}
	}

}
