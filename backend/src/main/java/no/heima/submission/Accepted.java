package no.heima.submission;

import org.springframework.modulith.NamedInterface;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.platform.SqlWrite;
import no.heima.triage.Assessment;

/**
 * What one accepted submission writes, worked out before the transaction opens (parsing,
 * validation, scoring and triage are done by then).
 *
 * @param result what the caller answers with once it is stored
 * @param id the submission's id: the task completion and the worklist item point at it
 * @param completedAt the time the care plan's task counts as done
 * @param rows the feature's own writes (the submission row, a draft removed), run with
 * the task completion, the outbox rows and the audit row as one statement
 * @param outbox the FHIR write-back messages
 * @param summary the worklist item's summary line, when triage calls for a clinician
 * @param detail the worklist item's detail (written as JSON)
 * @param auditDetail the audit row's detail
 */
@NamedInterface("pipeline")
public record Accepted<T>(SubmissionKind kind, T result, UUID id, Instant completedAt, Assessment triage,
		List<SqlWrite> rows, List<FhirOutboxMessage> outbox, String summary, Object detail, String auditDetail) {

}
