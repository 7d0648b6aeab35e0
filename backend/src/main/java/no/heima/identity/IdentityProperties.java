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
	 */
	record Client(String home, Set<Role> allowedRoles, Set<Role> defaultRoles) {
		Client {
			allowedRoles = allowedRoles == null ? Set.of() : Set.copyOf(allowedRoles);
			defaultRoles = defaultRoles == null ? Set.of() : Set.copyOf(defaultRoles);
		}
	}
}
