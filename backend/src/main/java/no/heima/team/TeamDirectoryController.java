package no.heima.team;

import java.util.List;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Allowed(Role.ADMIN)
@RestController
@RequestMapping("/api")
class TeamDirectoryController {

	private static final int MAX_TEXT = 200;

	private final TeamDirectory directory;

	private final CurrentUsers users;

	TeamDirectoryController(TeamDirectory directory, CurrentUsers users) {
		this.directory = directory;
		this.users = users;
	}

	record Listing(String name) {
	}

	/** The colleagues of the caller's teams (for "assign to" and "escalate to"). */
	@Allowed({ Role.CLINICIAN, Role.ADMIN })
	@GetMapping("/team-directory")
	Mono<List<TeamMember>> colleagues() {
		return this.users.current().flatMap((user) -> this.directory.colleagues(user).collectList());
	}

	/**
	 * An admin lists a colleague (by their login subject) in one of the admin's teams.
	 */
	@PutMapping("/admin/team-directory/{team}/{subject}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> list(@PathVariable String team, @PathVariable String subject, @RequestBody Listing body) {
		if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > MAX_TEXT
				|| subject.length() > MAX_TEXT) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("name", "required", "A name of at most 200 characters"))));
		}
		return this.users.current().flatMap((admin) -> this.directory.list(admin, team, subject, body.name()));
	}

	@DeleteMapping("/admin/team-directory/{team}/{subject}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unlist(@PathVariable String team, @PathVariable String subject) {
		return this.users.current().flatMap((admin) -> this.directory.unlist(admin, team, subject)).then();
	}

}
