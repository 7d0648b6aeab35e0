package no.heima.response;

import java.time.Instant;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A patient's submitted questionnaires as write-back sends them (the same mapper): each
 * QuestionnaireResponse as scored by the server and one Observation per coded score, for
 * cohort exports. The caller checks who may export and audits.
 */
@Component
public class ResponseExport {

	private final ResponseRepository repository;

	private final ResponseFhirMapper mapper;

	ResponseExport(ResponseRepository repository, ResponseFhirMapper mapper) {
		this.repository = repository;
		this.mapper = mapper;
	}

	/** Responses received since {@code since}, oldest first. */
	public Flux<FhirOutboxMessage> since(Patient patient, Instant since) {
		return this.repository.receivedSince(patient.id(), since)
			.concatMapIterable((stored) -> this.mapper.toOutbox(stored.getT1(), stored.getT2(), patient));
	}

}
