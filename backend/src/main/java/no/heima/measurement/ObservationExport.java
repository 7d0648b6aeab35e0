package no.heima.measurement;

import java.time.Instant;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A patient's measurements as the very Observations write-back sends (the same mapper),
 * for cohort exports. The caller checks who may export and audits.
 */
@Component
public class ObservationExport {

	private final MeasurementRepository repository;

	private final ObservationMapper mapper;

	ObservationExport(MeasurementRepository repository, ObservationMapper mapper) {
		this.repository = repository;
		this.mapper = mapper;
	}

	/** Measurements received since {@code since}, oldest first, as Observations. */
	public Flux<FhirOutboxMessage> since(Patient patient, Instant since) {
		return this.repository.receivedSince(patient.id(), since)
			.concatMapIterable((measurement) -> this.mapper.toOutbox(measurement, patient));
	}

}
