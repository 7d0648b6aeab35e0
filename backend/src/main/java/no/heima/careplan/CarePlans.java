package no.heima.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.PathwayService;
import org.springframework.stereotype.Component;
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

	Mono<CarePlan> complete(CarePlanRepository.Row row) {
		return Mono
			.zip(this.repository.pauses(row.id()).collectList(),
					this.pathways.published(row.pathwayId(), row.pathwayVersion()))
			.map((parts) -> {
				List<Pause> pauses = parts.getT1();
				return new CarePlan(row.id(), row.patientId(), row.pathwayId(), row.pathwayVersion(),
						parts.getT2().definition().name(), row.team(), row.startDate(), row.timeZone(),
						status(row, pauses), row.endDate(), row.endReason(), row.thresholds(), pauses, row.version(),
						row.createdAt());
			});
	}

	Mono<List<Task>> tasks(CarePlan plan, LocalDate day) {
		return Mono
			.zip(this.pathways.published(plan.pathwayId(), plan.pathwayVersion()),
					this.repository.completions(plan.id(), day))
			.map((parts) -> TaskCalculator.tasks(plan, parts.getT1(), day, this.clock.instant(), parts.getT2()));
	}

	private CarePlan.Status status(CarePlanRepository.Row row, List<Pause> pauses) {
		if ("ENDED".equals(row.status())) {
			return CarePlan.Status.ENDED;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of(row.timeZone())));
		return pauses.stream().anyMatch((p) -> p.covers(today)) ? CarePlan.Status.PAUSED : CarePlan.Status.ACTIVE;
	}

}
