package no.heima.team;

import no.heima.identity.Access;
import java.util.List;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who belongs to which team, for choosing a colleague. */
@Service
public class TeamDirectory {

	private final TeamMemberRepository repository;

	TeamDirectory(TeamMemberRepository repository) {
		this.repository = repository;
	}

	/**
	 * Keeps a clinician who holds team claims in each of their teams (name and roles as
	 * they are now).
	 */
	public Mono<Void> loggedIn(CurrentUser user) {
		if (!user.has(Role.CLINICIAN) || user.teams().isEmpty()) {
			return Mono.empty();
		}
		String name = (user.name() != null) ? user.name() : user.subject();
		return this.repository.loggedIn(user.teams(), user.subject(), name, user.rolesAsText());
	}

	/** The colleagues of the caller's teams. */
	public Flux<TeamMember> colleagues(CurrentUser user) {
		// the care team's staff list is for staff: a patient's login may carry a team
		// claim too
		return Access.require(user, "The team directory is for the care team", Role.CLINICIAN, Role.ADMIN)
			.thenMany(Flux.defer(() -> members(user)));
	}

	private Flux<TeamMember> members(CurrentUser user) {
		if (user.teams().isEmpty()) {
			return Flux.empty();
		}
		return this.repository.members(user.teams());
	}

	/**
	 * The member {@code subject} of {@code team}, or a NOT_TEAM_MEMBER problem (a
	 * colleague of another team, or nobody the directory knows).
	 */
	public Mono<TeamMember> require(String team, String subject) {
		if (subject == null || subject.isBlank()) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("subject", "required", "Choose a colleague"))));
		}
		return this.repository.member(team, subject)
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_TEAM_MEMBER,
					"The colleague is not in the directory of team " + team)));
	}

	Mono<Void> list(CurrentUser admin, String team, String subject, String name) {
		return requireAdminOf(admin, team)
			.then(this.repository.list(team, subject.strip(), name.strip(), admin.subject()));
	}

	Mono<Long> unlist(CurrentUser admin, String team, String subject) {
		return requireAdminOf(admin, team).then(this.repository.unlist(team, subject));
	}

	private static Mono<Void> requireAdminOf(CurrentUser admin, String team) {
		return (admin.has(Role.ADMIN) && admin.isMemberOf(team)) ? Mono.empty()
				: Mono.error(new HeimaProblemException(ProblemType.FORBIDDEN,
						"Only an admin of team " + team + " maintains its directory"));
	}

}
