package no.heima.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assembles care plans from their rows, pauses and pathway version, and computes their
 * tasks.
 */
@Component
class CarePlans {

	private final CarePlanRepository repository;

	private final PathwayService pathways;

	private final Clock clock;

	CarePlans(CarePlanRepository repository, PathwayService pathways, Clock clock) {
		this.repository = repository;
		this.pathways = pathways;
		this.clock = clock;
	}

	Mono<CarePlan> load(UUID id) {
		return this.repository.find(id).flatMap(this::complete);
	}

	/**
	 * One plan with its pauses and pathway name. The two reads run one after the other:
	 * inside a transaction they share one connection anyway, and a query is never sent
	 * while another result on that connection is still being read.
	 */
	Mono<CarePlan> complete(CarePlanRepository.Row row) {
		return this.repository.pauses(row.id())
			.collectList()
			.flatMap((pauses) -> this.pathways.published(row.pathwayId(), row.pathwayVersion())
				.map((pathway) -> assemble(row, pauses, pathway)));
	}

	/**
	 * Many plans: the rows are read to the end first (never a query per row while the
	 * select still streams: inside a transaction that waits on itself, outside it holds a
	 * second connection per caller), then all their pauses in one query and each pathway
	 * version once. Keeps the rows' order.
	 */
	Flux<CarePlan> completeAll(Flux<CarePlanRepository.Row> rows) {
		return rows.collectList().flatMapMany((list) -> {
			if (list.isEmpty()) {
				return Flux.empty();
			}
			return this.repository.pausesOf(list.stream().map(CarePlanRepository.Row::id).toList())
				.flatMapMany((pauses) -> Flux
					.fromIterable(list.stream()
						.map((row) -> Map.entry(row.pathwayId(), row.pathwayVersion()))
						.distinct()
						.toList())
					.concatMap((key) -> this.pathways.published(key.getKey(), key.getValue())
						.map((pathway) -> Map.entry(key, pathway)))
					.collectMap(Map.Entry::getKey, Map.Entry::getValue)
					.flatMapIterable((pathways) -> list.stream()
						.filter((row) -> pathways.containsKey(Map.entry(row.pathwayId(), row.pathwayVersion())))
						.map((row) -> assemble(row, pauses.getOrDefault(row.id(), List.of()),
								pathways.get(Map.entry(row.pathwayId(), row.pathwayVersion()))))
						.toList()));
		});
	}

	/**
	 * A patient's plans, their pauses read in the same statement, each pathway version
	 * once (from the cache after the first time). Keeps the rows' order.
	 */
	Flux<CarePlan> ofPatient(UUID patientId) {
		return this.repository.forPatientWithPauses(patientId)
			.collectList()
			.flatMapMany((list) -> Flux
				.fromIterable(list.stream()
					.map((e) -> Map.entry(e.getKey().pathwayId(), e.getKey().pathwayVersion()))
					.distinct()
					.toList())
				.concatMap((key) -> this.pathways.published(key.getKey(), key.getValue())
					.map((pathway) -> Map.entry(key, pathway)))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.flatMapIterable((pathways) -> list.stream()
					.filter((e) -> pathways.containsKey(Map.entry(e.getKey().pathwayId(), e.getKey().pathwayVersion())))
					.map((e) -> assemble(e.getKey(), e.getValue(),
							pathways.get(Map.entry(e.getKey().pathwayId(), e.getKey().pathwayVersion()))))
					.toList()));
	}

	/**
	 * Many plans' tasks on their days (each plan's own list of days, in its order), with
	 * their states now: one read of all their completions, each pathway version from the
	 * cache. Keeps the plans' order; a plan whose pathway version is gone is left out, as
	 * {@link #tasks} gives nothing for it.
	 */
	Flux<Map.Entry<CarePlan, List<Task>>> tasksOf(List<CarePlan> plans,
			java.util.function.Function<CarePlan, List<LocalDate>> days) {
		if (plans.isEmpty()) {
			return Flux.empty();
		}
		Map<UUID, List<LocalDate>> daysOf = new java.util.HashMap<>();
		plans.forEach((plan) -> daysOf.put(plan.id(), days.apply(plan)));
		LocalDate from = daysOf.values().stream().flatMap(List::stream).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = daysOf.values().stream().flatMap(List::stream).max(LocalDate::compareTo).orElseThrow();
		java.time.Instant now = this.clock.instant();
		return this.repository.completionsOf(plans.stream().map(CarePlan::id).toList(), from, to)
			.flatMapMany(
					(done) -> Flux.fromIterable(plans)
						.concatMap(
								(plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
									.map((pathway) -> Map.entry(plan,
											daysOf.get(plan.id())
												.stream()
												.flatMap((day) -> TaskCalculator
													.tasks(plan, pathway, day, now,
															done.getOrDefault(plan.id(), Map.of())
																.getOrDefault(day, Map.of()))
													.stream())
												.toList()))));
	}

	private CarePlan assemble(CarePlanRepository.Row row, List<Pause> pauses, PublishedPathway pathway) {
		return new CarePlan(row.id(), row.patientId(), row.pathwayId(), row.pathwayVersion(),
				pathway.definition().name(), row.team(), row.startDate(), row.timeZone(), status(row, pauses),
				row.endDate(), row.endReason(), row.thresholds(), pauses, row.version(), row.createdAt(),
				row.evaluationDate());
	}

	Mono<List<Task>> tasks(CarePlan plan, LocalDate day) {
		return this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
			.flatMap((pathway) -> this.repository.completions(plan.id(), day)
				.map((done) -> TaskCalculator.tasks(plan, pathway, day, this.clock.instant(), done)));
	}

	private CarePlan.Status status(CarePlanRepository.Row row, List<Pause> pauses) {
		if ("ENDED".equals(row.status())) {
			return CarePlan.Status.ENDED;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of(row.timeZone())));
		return pauses.stream().anyMatch((p) -> p.covers(today)) ? CarePlan.Status.PAUSED : CarePlan.Status.ACTIVE;
	}

}
