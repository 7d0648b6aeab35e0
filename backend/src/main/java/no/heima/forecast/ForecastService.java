package no.heima.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.CompletionTally;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.pathway.PathwayService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.team.TeamDirectory;
import no.heima.worklist.RaisedTally;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The capacity forecast of an admin's teams (or one of them): admins only, every answer
 * (and refusal) audited. The figures are aggregates of the teams' open plans; no patient
 * is named.
 */
@Service
public class ForecastService {

	static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	private final CarePlanService plans;

	private final PathwayService pathways;

	private final CompletionTally completions;

	private final RaisedTally raised;

	private final TeamDirectory directory;

	private final AuditLog audit;

	private final ForecastProperties properties;

	private final Clock clock;

	ForecastService(CarePlanService plans, PathwayService pathways, CompletionTally completions, RaisedTally raised,
			TeamDirectory directory, AuditLog audit, ForecastProperties properties, Clock clock) {
		this.plans = plans;
		this.pathways = pathways;
		this.completions = completions;
		this.raised = raised;
		this.directory = directory;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<CapacityForecast> forecast(CurrentUser actor, String team, int days) {
		if (!actor.has(Role.ADMIN) || (team != null && !actor.isMemberOf(team))) {
			return audited(actor, AuditOutcome.DENIED, "capacity forecast refused (team " + team + ")")
				.then(Mono.error(new HeimaProblemException(ProblemType.FORBIDDEN,
						"The capacity forecast is for admins of the team")));
		}
		if (days < 1 || days > this.properties.maxDays()) {
			return Mono.error(HeimaProblemException.validation(List
				.of(new FieldProblem("days", "range", "Between 1 and " + this.properties.maxDays() + " days"))));
		}
		List<String> teams = (team != null) ? List.of(team) : actor.teams();
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		return this.directory.colleagues(actor)
			.filter((m) -> teams.contains(m.team()) && m.roles() != null && m.roles().contains(Role.CLINICIAN.name()))
			.map((m) -> m.subject())
			.distinct()
			.count()
			.flatMap((nurses) -> forecast(teams, today, days, nurses.intValue()))
			.flatMap((made) -> audited(actor, AuditOutcome.SUCCESS,
					"capacity forecast of " + teams + " from " + today + ", " + made.openPlans() + " plans")
				.thenReturn(made));
	}

	/** The forecast from {@code start}, with rates observed over the days before it. */
	Mono<CapacityForecast> forecast(List<String> teams, LocalDate start, int days, int nurses) {
		LocalDate windowFrom = start.minusDays(this.properties.windowDays());
		return this.plans.openPlansOf(teams)
			.concatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
				.map((pathway) -> new Projection.Planned(plan, pathway)))
			.collectList()
			.flatMap((planned) -> Mono
				.zip(this.completions.done(planned.stream().map((p) -> p.plan().id()).toList(), windowFrom, start)
					.collectList(),
						this.raised
							.raised(teams, windowFrom.atStartOfDay(ZONE).toInstant(),
									start.atStartOfDay(ZONE).toInstant())
							.collectList())
				.publishOn(Schedulers.boundedElastic())
				.map((tallies) -> new ForecastMaker(this.properties, planned, teams, windowFrom, start)
					.make(tallies.getT1(), tallies.getT2(), days, nurses)));
	}

	private Mono<Void> audited(CurrentUser actor, AuditOutcome outcome, String detail) {
		return this.audit.record(new AuditEntry(actor.subject(), actor.name(), actor.rolesAsText(), null,
				AuditAction.READ, "capacity-forecast", outcome, detail));
	}

}
