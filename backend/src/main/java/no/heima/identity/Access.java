package no.heima.identity;

import java.util.Arrays;
import java.util.stream.Collectors;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * The one role check every feature uses: an actor holding none of the roles gets a
 * FORBIDDEN problem (which the denial audit records), with the feature's own wording
 * where it has one.
 */
public final class Access {

	private Access() {
	}

	/** Empty when the actor holds {@code role}; else "This requires the role …". */
	public static Mono<Void> require(CurrentUser actor, Role role) {
		return require(actor, null, role);
	}

	/**
	 * Empty when the actor holds any of {@code roles}; else a FORBIDDEN problem saying
	 * {@code refusal} (null: "This requires the role …").
	 */
	public static Mono<Void> require(CurrentUser actor, String refusal, Role... roles) {
		for (Role role : roles) {
			if (actor.has(role)) {
				return Mono.empty();
			}
		}
		return Mono.error(
				new HeimaProblemException(ProblemType.FORBIDDEN, (refusal != null) ? refusal : "This requires the role "
						+ Arrays.stream(roles).map(Role::name).collect(Collectors.joining(" or "))));
	}

}
