package no.heima.worklist;

import java.time.Clock;
import java.time.Instant;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A patient's worklist items as the Flags write-back sends (the same mapper), each in its
 * current state, for cohort exports. The caller checks who may export and audits.
 */
@Component
public class FlagExport {

	private final WorklistRepository repository;

	private final FlagMapper mapper;

	private final Clock clock;

	FlagExport(WorklistRepository repository, FlagMapper mapper, Clock clock) {
		this.repository = repository;
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Items raised or resolved since {@code since}, oldest first. */
	public Flux<FhirOutboxMessage> since(Patient patient, Instant since) {
		String system = patient.identifier().system();
		String value = patient.identifier().value();
		return this.repository.changedSince(patient.id(), since, this.clock.instant())
			.map((item) -> (item.resolvedAt() != null) ? this.mapper.resolved(item, system, value)
					: this.mapper.raised(item.id(), item.level(), item.summary(), system, value, item.raisedAt()));
	}

}
