package no.heima.measurement;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.heima.careplan.CarePlanService;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.pathway.Threshold;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.vital.Vital;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Suggested personal bounds from a care plan's run-in period (the first {@code days}
 * days): per value of the activity's vital, mean ± k·sd of what the patient measured,
 * inside the pathway's red bounds.
 */
@Allowed(Role.CLINICIAN)
@RestController
class BaselineController {

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	private final MeasurementRepository measurements;

	private final CurrentUsers users;

	BaselineController(CarePlanService carePlans, PathwayService pathways, MeasurementRepository measurements,
			CurrentUsers users) {
		this.carePlans = carePlans;
		this.pathways = pathways;
		this.measurements = measurements;
		this.users = users;
	}

	@GetMapping("/api/care-plans/{id}/baseline")
	Mono<List<Baseline>> baseline(@PathVariable UUID id, @RequestParam String activityId,
			@RequestParam(defaultValue = "14") int days, @RequestParam(defaultValue = "2") BigDecimal k) {
		if (days < 3 || days > 60 || k.signum() <= 0 || k.compareTo(BigDecimal.valueOf(4)) > 0) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("days", "range", "days 3-60 and k above 0, at most 4"))));
		}
		return this.users.current()
			.flatMap((user) -> this.carePlans.get(user, id))
			.flatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
				.flatMap((pathway) -> Mono
					.justOrEmpty(pathway.activity(activityId).filter((a) -> a.type() == Activity.Type.MEASUREMENT)))
				.switchIfEmpty(Mono.error(HeimaProblemException.validation(List
					.of(new FieldProblem("activityId", "unknown", "Not a measurement activity of this care plan")))))
				.flatMap((activity) -> {
					var start = plan.startDate().atStartOfDay(ZoneId.of(plan.timeZone())).toInstant();
					var end = plan.startDate().plusDays(days).atStartOfDay(ZoneId.of(plan.timeZone())).toInstant();
					return this.measurements.forPatient(plan.patientId(), activity.vital(), start, end, 1000)
						.collectList()
						.flatMap((found) -> suggest(activity, found, k));
				}));
	}

	private static Mono<List<Baseline>> suggest(Activity activity, List<Measurement> found, BigDecimal k) {
		List<Baseline> result = new ArrayList<>();
		for (Vital.Component component : activity.vital().components()) {
			List<BigDecimal> values = found.stream()
				.flatMap((m) -> m.values().stream())
				.filter((v) -> v.code().equals(component.loinc()))
				.map(EnteredValue::value)
				.toList();
			if (values.size() < Baseline.MIN_VALUES) {
				continue;
			}
			Threshold pathway = activity.thresholds()
				.stream()
				.filter((t) -> t.code().equals(component.loinc()))
				.findFirst()
				.orElse(null);
			result.add(Baseline.suggest(component.loinc(), values, k, pathway));
		}
		if (result.isEmpty()) {
			return Mono.error(new HeimaProblemException(ProblemType.STATE_CONFLICT, "Fewer than " + Baseline.MIN_VALUES
					+ " values in the run-in period: too few to suggest the patient's own bounds"));
		}
		return Mono.just(result);
	}

}
