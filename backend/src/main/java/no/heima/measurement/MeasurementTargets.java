package no.heima.measurement;

import java.util.List;
import java.util.Optional;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import no.heima.patient.Patient;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.submission.SubmissionTarget;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which care plan activity a measurement answers: the one named, or else the first open
 * plan whose pathway version asks for the vital.
 */
@Component
class MeasurementTargets {

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	MeasurementTargets(CarePlanService carePlans, PathwayService pathways) {
		this.carePlans = carePlans;
		this.pathways = pathways;
	}

	/** A plan with its pathway version. */
	private record Planned(CarePlan plan, PublishedPathway pathway) {
	}

	Mono<SubmissionTarget> of(Patient patient, MeasurementSubmission s) {
		return this.carePlans.plansOfPatient(patient.id()).collectList().flatMap((plans) -> target(patient, plans, s));
	}

	private Mono<SubmissionTarget> target(Patient patient, List<CarePlan> plans, MeasurementSubmission s) {
		List<CarePlan> open = plans.stream().filter((p) -> p.status() != CarePlan.Status.ENDED).toList();
		if (open.isEmpty()) {
			return Mono.error(new HeimaProblemException(ProblemType.NOT_ENROLLED,
					"You are not in active follow-up, so there is nothing to record this under"));
		}
		if (s.carePlanId() != null) {
			Optional<CarePlan> chosen = open.stream().filter((p) -> p.id().equals(s.carePlanId())).findFirst();
			if (chosen.isEmpty()) {
				return Mono.error(HeimaProblemException
					.validation(List.of(new FieldProblem("carePlanId", "unknown", "Not one of your care plans"))));
			}
			return withPathway(chosen.get()).flatMap((planned) -> {
				Optional<Activity> activity = (s.activityId() == null) ? firstFor(planned.pathway(), s)
						: planned.pathway().activity(s.activityId()).filter((a) -> matches(a, s));
				if (s.activityId() != null && activity.isEmpty()) {
					return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("activityId", "unknown",
							"Not a " + s.vital() + " measurement of this care plan"))));
				}
				return Mono.justOrEmpty(activity)
					.map((a) -> new SubmissionTarget(patient, planned.plan(), planned.pathway(), a))
					.switchIfEmpty(Mono.error(notAskedFor(s)));
			});
		}
		return Flux.fromIterable(open)
			.concatMap(this::withPathway)
			.collectList()
			.flatMap((planned) -> Mono
				.justOrEmpty(planned.stream()
					.flatMap((p) -> firstFor(p.pathway(), s).stream()
						.map((a) -> new SubmissionTarget(patient, p.plan(), p.pathway(), a)))
					.findFirst())
				.switchIfEmpty(Mono.error(notAskedFor(s))));
	}

	/** A vital no plan asks for has no bounds to triage by and nobody to look at it. */
	private static HeimaProblemException notAskedFor(MeasurementSubmission s) {
		return new HeimaProblemException(ProblemType.NOT_ENROLLED,
				"None of your care plans asks for " + s.vital().display(),
				List.of(new FieldProblem("vital", "not-in-plan", "No care plan asks for " + s.vital())));
	}

	private Mono<Planned> withPathway(CarePlan plan) {
		return this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
			.map((pathway) -> new Planned(plan, pathway));
	}

	private static Optional<Activity> firstFor(PublishedPathway pathway, MeasurementSubmission s) {
		return pathway.definition().activities().stream().filter((a) -> matches(a, s)).findFirst();
	}

	private static boolean matches(Activity activity, MeasurementSubmission s) {
		return activity.type() == Activity.Type.MEASUREMENT && activity.vital() == s.vital();
	}

}
