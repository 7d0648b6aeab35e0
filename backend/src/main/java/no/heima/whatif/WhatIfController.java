package no.heima.whatif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.measurement.MeasurementService;

import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PathwayService;
import no.heima.pathway.TrendRule;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.response.ResponseService;
import no.heima.triage.CombinationTriage;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/pathways/{id}/what-if}: how many yellow and red items a changed
 * definition would have raised over the last {@code days} days, next to today's rules.
 */
@RestController
class WhatIfController {

	record WhatIfRequest(PathwayDefinition definition, Integer days) {
	}

	record Side(int yellow, int red) {
	}

	record WhatIfResult(int days, int currentVersion, int carePlans, Side current, Side changed) {
	}

	private final PathwayService pathways;

	private final CarePlanService carePlans;

	private final MeasurementService measurements;

	private final ResponseService responses;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	WhatIfController(PathwayService pathways, CarePlanService carePlans, MeasurementService measurements,
			ResponseService responses, CurrentUsers users, AuditLog audit, Clock clock) {
		this.pathways = pathways;
		this.carePlans = carePlans;
		this.measurements = measurements;
		this.responses = responses;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/api/pathways/{id}/what-if")
	Mono<WhatIfResult> whatIf(@PathVariable UUID id, @RequestBody WhatIfRequest body) {
		int days = (body.days() != null) ? body.days() : 30;
		if (body.definition() == null || days < 1 || days > 90) {
			return Mono.error(HeimaProblemException.validation(
					List.of(new FieldProblem("definition", "required", "A definition and 1-90 days are required"))));
		}
		Instant since = this.clock.instant().minus(Duration.ofDays(days));
		return this.users.current()
			.flatMap((user) -> this.pathways.get(user, id)
				.then(this.pathways.published(id, null))
				.switchIfEmpty(Mono.error(HeimaProblemException.validation(
						List.of(new FieldProblem("id", "unpublished", "Publish a version first to compare with")))))
				.flatMap((today) -> this.carePlans.plansOnPathway(id)
					.filter((plan) -> user.isMemberOf(plan.team()))
					.concatMap((plan) -> replay(user, plan, today.definition(), body.definition(), since))
					.collectList()
					.map((sides) -> new WhatIfResult(days, today.version(), sides.size(),
							sum(sides.stream().map((s) -> s[0]).toList()),
							sum(sides.stream().map((s) -> s[1]).toList())))));
	}

	/**
	 * Both rule sets over one care plan's submissions: [today's counts, changed counts].
	 */
	private Mono<RuleReplay.Counts[]> replay(CurrentUser user, CarePlan plan, PathwayDefinition today,
			PathwayDefinition changed, Instant since) {
		Instant historyFrom = since.minus(Duration.ofDays(Math.max(Math.max(longestTrend(today), longestTrend(changed)),
				Math.max(CombinationTriage.longestWindow(today.combinations()),
						CombinationTriage.longestWindow(changed.combinations())))));
		return Mono
			.zip(this.measurements.ofCarePlanSince(plan.id(), historyFrom).collectList(),
					this.responses.ofCarePlanSince(plan.id(), historyFrom).collectList())
			.flatMap((data) -> this.audit
				.record(new AuditEntry(user.subject(), user.name(), user.rolesAsText(), plan.patientId(),
						AuditAction.SEARCH, "CarePlan", AuditOutcome.SUCCESS, "what-if replay"))
				.thenReturn(new RuleReplay.Counts[] { counts(today, plan, data.getT1(), data.getT2(), since),
						counts(changed, plan, data.getT1(), data.getT2(), since) }));
	}

	private static RuleReplay.Counts counts(PathwayDefinition rules, CarePlan plan,
			List<no.heima.measurement.Measurement> measured, List<no.heima.response.ReplayableResponse> answered,
			Instant since) {
		return RuleReplay.counts(rules, RuleReplay.measurements(rules, plan.personalThresholds(), measured, since),
				RuleReplay.responses(rules, plan.personalThresholds(), answered, since));
	}

	private static int longestTrend(PathwayDefinition definition) {
		return definition.activities()
			.stream()
			.flatMap((a) -> a.trends().stream())
			.mapToInt(TrendRule::windowDays)
			.max()
			.orElse(0);
	}

	private static Side sum(List<RuleReplay.Counts> counts) {
		return new Side(counts.stream().mapToInt(RuleReplay.Counts::yellow).sum(),
				counts.stream().mapToInt(RuleReplay.Counts::red).sum());
	}

}
