package no.heima.whatif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.measurement.MeasurementService;
import no.heima.patient.PatientService;

import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PathwayService;
import no.heima.pathway.TrendRule;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.response.ResponseService;
import no.heima.triage.CombinationTriage;
import no.heima.triage.Level;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/pathways/{id}/what-if}: how many yellow and red items a changed
 * definition would have raised over the last {@code days} days, next to today's rules,
 * and which submissions (patient, time, value) the two judge differently.
 */
@Allowed({ Role.CLINICIAN, Role.ADMIN })
@RestController
class WhatIfController {

	record WhatIfRequest(PathwayDefinition definition, Integer days) {
	}

	record Side(int yellow, int red) {
	}

	/**
	 * A submission the two rule sets judge differently, with a yellow or red level on at
	 * least one side: an alert the change would add, drop or move.
	 */
	record Alert(UUID patientId, String patientName, String activityId, Instant at, String value, Level current,
			Level changed) {
	}

	/**
	 * @param alerts the differing submissions, newest first, at most {@link #MAX_ALERTS}
	 * @param alertsTotal how many there were in all
	 */
	record WhatIfResult(int days, int currentVersion, int carePlans, Side current, Side changed, List<Alert> alerts,
			int alertsTotal) {
	}

	/** What one care plan's replay gives. */
	private record PlanReplay(RuleReplay.Counts current, RuleReplay.Counts changed, List<Alert> alerts) {
	}

	static final int MAX_ALERTS = 200;

	private final PathwayService pathways;

	private final CarePlanService carePlans;

	private final MeasurementService measurements;

	private final ResponseService responses;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final Clock clock;

	private final PatientService patients;

	WhatIfController(PathwayService pathways, CarePlanService carePlans, MeasurementService measurements,
			ResponseService responses, CurrentUsers users, AuditLog audit, Clock clock, PatientService patients) {
		this.patients = patients;
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
					.map((plans) -> {
						List<Alert> alerts = plans.stream()
							.flatMap((p) -> p.alerts().stream())
							.sorted(Comparator.comparing(Alert::at).reversed())
							.toList();
						return new WhatIfResult(days, today.version(), plans.size(),
								sum(plans.stream().map(PlanReplay::current).toList()),
								sum(plans.stream().map(PlanReplay::changed).toList()),
								alerts.subList(0, Math.min(MAX_ALERTS, alerts.size())), alerts.size());
					})));
	}

	/**
	 * Both rule sets over one care plan's submissions: today's counts, the changed
	 * counts, and the submissions they judge differently.
	 */
	private Mono<PlanReplay> replay(CurrentUser user, CarePlan plan, PathwayDefinition today, PathwayDefinition changed,
			Instant since) {
		Instant historyFrom = since.minus(Duration.ofDays(Math.max(Math.max(longestTrend(today), longestTrend(changed)),
				Math.max(CombinationTriage.longestWindow(today.combinations()),
						CombinationTriage.longestWindow(changed.combinations())))));
		return Mono
			.zip(this.measurements.ofCarePlanSince(plan.id(), historyFrom).collectList(),
					this.responses.ofCarePlanSince(plan.id(), historyFrom).collectList())
			.flatMap((data) -> {
				List<RuleReplay.Outcome> before = RuleReplay.replay(today, plan, data.getT1(), data.getT2(), since);
				List<RuleReplay.Outcome> after = RuleReplay.replay(changed, plan, data.getT1(), data.getT2(), since);
				List<RuleReplay.Outcome[]> differing = differing(before, after);
				Mono<String> name = differing.isEmpty() ? Mono.just("")
						: this.patients.findForBackgroundWork(plan.patientId())
							.map((p) -> (p.givenName() + " " + p.familyName()).trim())
							.defaultIfEmpty("");
				// the replay reads the patient's submissions (and, for the list, the
				// name): audited
				return this.audit.success(user, plan.patientId(), AuditAction.SEARCH, "CarePlan", "what-if replay")
					.then(name)
					.map((patientName) -> new PlanReplay(RuleReplay.counts(before), RuleReplay.counts(after),
							alerts(plan.patientId(), patientName, differing)));
			});
	}

	/**
	 * The submissions whose level differs, by key; a submission one rule set does not
	 * judge (its activity is gone) counts as green there.
	 */
	private static List<RuleReplay.Outcome[]> differing(List<RuleReplay.Outcome> before,
			List<RuleReplay.Outcome> after) {
		Map<String, RuleReplay.Outcome[]> byKey = new LinkedHashMap<>();
		before.forEach((o) -> byKey.computeIfAbsent(o.key(), (k) -> new RuleReplay.Outcome[2])[0] = o);
		after.forEach((o) -> byKey.computeIfAbsent(o.key(), (k) -> new RuleReplay.Outcome[2])[1] = o);
		return byKey.values().stream().filter((pair) -> level(pair[0]) != level(pair[1])).toList();
	}

	private static List<Alert> alerts(UUID patientId, String patientName, List<RuleReplay.Outcome[]> differing) {
		return differing.stream().map((pair) -> {
			RuleReplay.Outcome either = (pair[1] != null) ? pair[1] : pair[0];
			return new Alert(patientId, patientName, either.activityId(), either.at(), either.value(), level(pair[0]),
					level(pair[1]));
		}).toList();
	}

	private static Level level(RuleReplay.Outcome outcome) {
		return (outcome != null) ? outcome.level() : Level.GREEN;
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
