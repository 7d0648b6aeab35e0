package no.heima.worklist;

import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.Evaluation;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/care-plans/{id}/evaluation}: the care team evaluates a follow-up
 * (continue, change thresholds, or end) and the plan's open EVALUATION items are resolved
 * with what was decided. An item a colleague has taken stays theirs to resolve.
 */
@Allowed(Role.CLINICIAN)
@RestController
class EvaluationController {

	private final CarePlanService carePlans;

	private final WorklistService worklist;

	private final WorklistRepository items;

	private final CurrentUsers users;

	EvaluationController(CarePlanService carePlans, WorklistService worklist, WorklistRepository items,
			CurrentUsers users) {
		this.carePlans = carePlans;
		this.worklist = worklist;
		this.items = items;
		this.users = users;
	}

	@PostMapping("/api/care-plans/{id}/evaluation")
	Mono<ResponseEntity<CarePlan>> evaluate(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Evaluation body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current()
				.flatMap((user) -> this.carePlans.evaluate(user, id, version, body)
					.flatMap((plan) -> resolveItems(user, plan, body).thenReturn(plan))))
			.map((plan) -> ResponseEntity.ok().eTag(IfMatch.etag(plan.version())).body(plan));
	}

	private Mono<Void> resolveItems(CurrentUser user, CarePlan plan, Evaluation evaluation) {
		String note = "Evaluert / Evaluated: " + evaluation.outcome()
				+ ((evaluation.note() != null && !evaluation.note().isBlank()) ? " – " + evaluation.note().strip()
						: "");
		return this.items.openOfPlan(plan.id(), ItemRaised.Kind.EVALUATION.name())
			.concatMap((itemId) -> this.worklist.resolve(user, itemId, new Resolution("OTHER", note, null))
				// taken by a colleague: theirs to close
				.onErrorResume(HeimaProblemException.class, (taken) -> Mono.empty()))
			.then();
	}

}
