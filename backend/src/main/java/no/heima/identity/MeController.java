package no.heima.identity;

import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/me")
class MeController {

	private final CurrentUsers users;

	MeController(CurrentUsers users) {
		this.users = users;
	}

	record Me(String subject, String name, Set<Role> roles, List<String> teams, String nationalId, String locale) {
	}

	/**
	 * Who is logged in; the web apps call this first (it also issues the CSRF cookie).
	 */
	@GetMapping
	Mono<Me> me() {
		return users.current()
			.map(u -> new Me(u.subject(), u.name(), u.roles(), u.teams(), u.nationalId(), u.locale()));
	}

}
