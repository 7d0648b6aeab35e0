package no.heima.identity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person (or machine client) behind a request, as Heima understands them.
 *
 * @param nationalId fødselsnummer or D-number from the token (links a patient login to
 * the record)
 */
public record CurrentUser(String subject, String name, Set<Role> roles, List<String> teams, String nationalId,
		String locale) {

	public CurrentUser {
		roles = Set.copyOf(roles);
		teams = List.copyOf(teams);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isMemberOf(String team) {
		return teams.contains(team);
	}

	public String rolesAsText() {
		return String.join(",", new TreeSet<>(roles.stream().map(Enum::name).toList()));
	}

	/**
	 * An actor for work Heima does on its own behalf (seeding, schedulers), never a
	 * login.
	 */
	public static CurrentUser system(String name) {
		return new CurrentUser("system:" + name, name, Set.of(), List.of(), null, null);
	}
}
