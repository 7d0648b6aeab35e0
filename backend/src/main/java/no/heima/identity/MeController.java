package no.heima.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Allowed(everyLogin = true)
@RestController
@RequestMapping("/api/me")
class MeController {

	private final CurrentUsers users;

	MeController(CurrentUsers users) {
		this.users = users;
	}

	/**
	 * Every field is always present; nationalId and locale are null when the login has
	 * none.
	 */
	record Me(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Set<Role> roles,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> teams,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {
					"string", "null" }) String nationalId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String locale){
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
