package no.heima.submission;

import org.springframework.modulith.NamedInterface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.combination.CombinationSignals;
import no.heima.fhirsync.FhirOutbox;
import no.heima.identity.CurrentUser;
import no.heima.platform.DomainMetrics;
import no.heima.platform.SqlWrite;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.FailSafe;
import no.heima.triage.SubmissionTriage;
import no.heima.worklist.ItemRaised;
import no.heima.worklist.Worklist;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one path a patient's submission (a measurement or a questionnaire response) takes
 * once its feature has parsed, validated and scored it: triage through the fail-safe
 * (outside any transaction), then one transaction that stores it, completes the care
 * plan's task, writes the FHIR outbox rows, raises the worklist item (which notifies the
 * live worklists) and writes the audit row. The caller's idempotency record joins that
 * transaction.
 */
@NamedInterface("pipeline")
@Service
public class SubmissionPipeline {

	private final TransactionalOperator tx;

	private final CarePlanService carePlans;

	private final DatabaseClient db;

	private final Worklist worklist;

	private final AuditLog audit;

	private final DomainMetrics metrics;

	private final FailSafe failSafe;

	private final CombinationSignals signals;

	private final JsonMapper json;

	SubmissionPipeline(TransactionalOperator tx, CarePlanService carePlans, DatabaseClient db, Worklist worklist,
			AuditLog audit, DomainMetrics metrics, FailSafe failSafe, CombinationSignals signals, JsonMapper json) {
		this.tx = tx;
		this.carePlans = carePlans;
		this.db = db;
		this.worklist = worklist;
		this.audit = audit;
		this.metrics = metrics;
		this.failSafe = failSafe;
		this.signals = signals;
		this.json = json;
	}

	/**
	 * The care plan's earlier signals for its combination rules; a failure to read them
	 * fails the combination step, which the fail-safe reports.
	 */
	public Mono<Supplier<List<CombinationTriage.Signal>>> earlierSignals(SubmissionTarget target, Instant at) {
		return this.signals.before(target.patient().id(), target.plan().id(), at, target.definition()
			.combinations()).<Supplier<List<CombinationTriage.Signal>>>map((earlier) -> () -> earlier).onErrorResume((ex) -> Mono.just(() -> {
				throw new IllegalStateException("Earlier signals could not be read: " + ex.getMessage(), ex);
			}));
	}

	/**
	 * Triage through the fail-safe: the activity's rules, then the combination rules.
	 * @param upstream failures met before triage (scoring, unit conversion)
	 * @param input what the rules see; a supplier that throws is reported, not lost
	 */
	public Assessment triage(SubmissionTarget target, List<CouldNotAssess> upstream,
			Supplier<SubmissionTriage.Input> input, Supplier<List<CombinationTriage.Signal>> earlier) {
		return this.failSafe.assessSubmission(target.rules(), target.activity(), upstream, input,
				target.definition().combinations(), earlier);
	}

	/**
	 * Stores an accepted submission and everything that follows from it, in one
	 * transaction.
	 */
	public <T> Mono<T> accept(CurrentUser actor, SubmissionTarget target, Accepted<T> accepted) {
		return this.tx
			.transactional(Mono.fromSupplier(() -> writes(actor, target, accepted))
				.flatMap((writes) -> writes.run(this.db))
				.then(raise(target, accepted))
				.thenReturn(accepted.result()))
			.doOnNext((stored) -> this.metrics.submissionAccepted(accepted.kind().metric, accepted.triage().level()));
	}

	/**
	 * The submission's rows, its task completion, its outbox rows and its audit row as
	 * one statement (data-modifying common table expressions): one round trip where there
	 * were three to five (issue 13).
	 */
	private SqlWrite writes(CurrentUser actor, SubmissionTarget target, Accepted<?> accepted) {
		List<SqlWrite> writes = new ArrayList<>(accepted.rows());
		this.carePlans.completionWrite(target.plan(), target.activity(), accepted.completedAt(), accepted.id())
			.ifPresent(writes::add);
		if (!accepted.outbox().isEmpty()) {
			writes.add(FhirOutbox.enqueueWrite(accepted.outbox()));
		}
		writes.add(this.audit.successWrite(actor, target.patient().id(), AuditAction.CREATE, accepted.kind().resource,
				accepted.auditDetail()));
		return SqlWrite.combine(writes);
	}

	/** A yellow, red or unassessed submission goes on the care team's worklist. */
	private Mono<Void> raise(SubmissionTarget target, Accepted<?> accepted) {
		Assessment triage = accepted.triage();
		if (!triage.needsClinician()) {
			return Mono.empty();
		}
		CarePlan plan = target.plan();
		return Mono.defer(() -> this.worklist.raise(new ItemRaised(target.patient(), plan.id(), plan.team(),
				ItemRaised.Kind.of(triage, accepted.kind().item), accepted.id().toString(), target.activity().id(),
				triage.level().name(), ItemRaised.summary(accepted.summary(), triage),
				this.json.writeValueAsString(accepted.detail()), target.definition().responseTimes())));
	}

}
