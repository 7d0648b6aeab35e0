package no.heima.careplan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.pathway.Activity;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PathwayService;
import no.heima.pathway.Schedule;
import no.heima.pathway.Threshold;
import no.heima.vital.Vital;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/me/plan}: the patient's standing plan, readable before any submission:
 * per open care plan what to do when (each activity with its schedule) and the pathway's
 * advice for green, yellow and red. Texts come in both languages where the pathway gives
 * them (the app shows the viewer's language, else the other one).
 */
@Allowed(Role.PATIENT)
@RestController
class MyPlanController {

	/**
	 * @param bands the bounds that apply to this patient: the care plan's personal bounds
	 * where it has them, else the pathway's
	 */
	record PlanActivity(String id, Activity.Type type, LocalizedText title, Vital vital, Schedule schedule,
			boolean collectOnly, List<Threshold> bands) {
	}

	record MyPlan(UUID carePlanId, CarePlan.Status status, LocalDate startDate, String timeZone, LocalizedText name,
			LocalizedText description, List<PlanActivity> activities, PathwayDefinition.Advice advice) {
	}

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	private final CurrentUsers users;

	MyPlanController(CarePlanService carePlans, PathwayService pathways, CurrentUsers users) {
		this.carePlans = carePlans;
		this.pathways = pathways;
		this.users = users;
	}

	@GetMapping("/api/me/plan")
	Mono<List<MyPlan>> plan() {
		return this.users.current()
			.flatMap(this.carePlans::own)
			.flatMapMany(Flux::fromIterable)
			.filter((plan) -> plan.status() != CarePlan.Status.ENDED)
			.concatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
				.map((pathway) -> of(plan, pathway.definition())))
			.collectList();
	}

	static MyPlan of(CarePlan plan, PathwayDefinition d) {
		List<PlanActivity> activities = d.activities()
			.stream()
			.map((a) -> new PlanActivity(a.id(), a.type(), both(a.titles(), a.title()), a.vital(), a.schedule(),
					a.collectOnly(), bands(plan, a)))
			.toList();
		return new MyPlan(plan.id(), plan.status(), plan.startDate(), plan.timeZone(), both(d.names(), d.name()),
				d.description(), activities, d.advice());
	}

	/**
	 * The pathway's bounds of the activity, each replaced by a personal one of its code.
	 */
	static List<Threshold> bands(CarePlan plan, Activity activity) {
		Map<String, Threshold> byCode = new LinkedHashMap<>();
		activity.thresholds().stream().filter((t) -> t.code() != null).forEach((t) -> byCode.put(t.code(), t));
		plan.personalThresholds()
			.stream()
			.filter((p) -> activity.id().equals(p.activityId()) && p.threshold().code() != null)
			.forEach((p) -> byCode.put(p.threshold().code(), p.threshold()));
		return List.copyOf(byCode.values());
	}

	/**
	 * The text in both languages; one written in one language only is given as Norwegian.
	 */
	private static LocalizedText both(LocalizedText text, String plain) {
		boolean given = text != null
				&& ((text.nb() != null && !text.nb().isBlank()) || (text.en() != null && !text.en().isBlank()));
		return given ? text : new LocalizedText(plain, null);
	}

}
