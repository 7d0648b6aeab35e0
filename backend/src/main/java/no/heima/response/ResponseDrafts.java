package no.heima.response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.identity.CurrentUser;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.submission.SubmissionKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A patient's unfinished answers to one task on one day, kept until they submit. */
@Service
class ResponseDrafts {

	private final ResponseTasks tasks;

	private final ResponseRepository repository;

	private final TransactionalOperator tx;

	private final AuditLog audit;

	ResponseDrafts(ResponseTasks tasks, ResponseRepository repository, TransactionalOperator tx, AuditLog audit) {
		this.tasks = tasks;
		this.repository = repository;
		this.tx = tx;
		this.audit = audit;
	}

	Mono<Instant> save(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day, String responseJson) {
		return this.tasks.open(actor, carePlanId, activityId).flatMap((task) -> Mono.fromCallable(() -> {
			ResponseChecks.parse(responseJson);
			return responseJson;
		})
			.flatMap((json) -> this.tx
				.transactional(this.repository.saveDraft(task.patient().id(), carePlanId, activityId, day, json)
					.flatMap((at) -> audit(actor, task.patient().id(), AuditAction.UPDATE, "draft " + activityId)
						.thenReturn(at)))));
	}

	Mono<ResponseRepository.Draft> get(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day) {
		return this.tasks.task(actor, carePlanId, activityId)
			.flatMap((task) -> this.repository.draft(task.patient().id(), carePlanId, activityId, day)
				.flatMap((d) -> audit(actor, task.patient().id(), AuditAction.READ, "draft " + activityId)
					.thenReturn(d)))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No saved draft")));
	}

	/** Throws away a saved draft (the patient starts over). */
	Mono<Void> discard(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day) {
		return this.tasks.task(actor, carePlanId, activityId)
			.flatMap((task) -> this.tx
				.transactional(this.repository.deleteDraft(task.patient().id(), carePlanId, activityId, day)
					.flatMap((rows) -> (rows == 0)
							? Mono.<Void>error(new HeimaProblemException(ProblemType.NOT_FOUND, "No saved draft"))
							: audit(actor, task.patient().id(), AuditAction.UPDATE, "discarded draft " + activityId))));
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, AuditAction action, String detail) {
		return this.audit.success(actor, patientId, action, SubmissionKind.RESPONSE.resource(), detail);
	}

}
