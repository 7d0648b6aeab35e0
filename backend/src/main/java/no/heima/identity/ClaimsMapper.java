package no.heima.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns token claims into a {@link CurrentUser} according to {@link IdentityProperties}.
 */
@Component
class ClaimsMapper {

	private final IdentityProperties properties;

	ClaimsMapper(IdentityProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param registrationId the browser login's client registration, or null for a bearer
	 * token
	 */
	CurrentUser map(String subject, Map<String, Object> claims, String registrationId) {
		IdentityProperties.Client client = (registrationId != null) ? properties.clients().get(registrationId) : null;
		IdentityProperties.Claims names = (client != null && client.claims() != null) ? client.claims()
				: properties.claims();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : values(claims.get(names.roles()))) {
			Role role = toRole(value, client);
			if (role != null) {
				roles.add(role);
			}
		}
		List<String> teams = values(claims.get(names.teams()));
		if (client != null) {
			client.rolesIfClaimed().forEach((claim, role) -> {
				if (!values(claims.get(claim)).isEmpty()) {
					roles.add(role);
				}
			});
			if (!client.teamAliases().isEmpty()) {
				teams = teams.stream().map(client.teamAliases()::get).filter((t) -> t != null).distinct().toList();
			}
		}
		if (registrationId != null) {
			if (client == null) {
				// A login through a registration nobody described gets no role at all:
				// fail closed.
				roles.clear();
			}
			else {
				roles.addAll(client.defaultRoles());
				roles.retainAll(client.allowedRoles());
			}
		}
		return new CurrentUser(subject, text(claims.get(names.name())), roles, teams,
				text(claims.get(names.nationalId())), text(claims.get(names.locale())));
	}

	private Role toRole(String value, IdentityProperties.Client client) {
		Role alias = (client != null) ? client.roleAliases().get(value) : null;
		if (alias == null) {
			alias = properties.roleAliases().get(value);
		}
		if (alias != null) {
			return alias;
		}
		try {
			return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/**
	 * A claim may be a JSON array or a space/comma separated string, depending on the
	 * issuer.
	 */
	private static List<String> values(Object claim) {
		if (claim instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
		}
		if (claim instanceof String one && !one.isBlank()) {
			return Arrays.stream(one.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
		}
		return List.of();
	}

	private static String text(Object claim) {
		return claim == null ? null : String.valueOf(claim);
	}

}
