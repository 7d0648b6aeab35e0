package no.heima.report;

import java.util.List;
import no.heima.fhirsync.FhirOutbox;
import no.heima.patient.Patient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Queues a summary for the FHIR server as a DocumentReference when
 * {@code heima.report.write-back} is on (off by default: a hospital decides whether its
 * record takes these documents). Runs in the caller's transaction, so a summary recorded
 * as made is also queued, and the outbox delivers it once.
 */
@Component
class WriteBack {

	private final ReportProperties properties;

	private final SummaryDocument document;

	private final FhirOutbox outbox;

	WriteBack(ReportProperties properties, SummaryDocument document, FhirOutbox outbox) {
		this.properties = properties;
		this.document = document;
		this.outbox = outbox;
	}

	Mono<Void> queue(Patient patient, PatientSummary summary, List<String> teams, byte[] pdf) {
		if (!this.properties.writeBack()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> this.document.message(patient, summary, teams, pdf))
			.flatMap(this.outbox::enqueue);
	}

}
