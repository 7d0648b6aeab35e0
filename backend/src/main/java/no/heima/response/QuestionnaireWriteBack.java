package no.heima.response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Which questionnaire versions this instance has put in the FHIR outbox, so a version is
 * written back once, not with every response (issue 13: serialising the whole
 * questionnaire into every response's outbox rows was a large share of a submission).
 * <p>
 * A version counts as queued only once a transaction that enqueued it has committed: a
 * response whose transaction rolls back (a retried submission meeting the first answer, a
 * failure) leaves it to the next response. Until then every response carries it; the
 * outbox's unique identifier keeps a second pending copy out, and the server's
 * conditional create on {@code url|version} a second resource. Each instance writes it
 * once after its start (a restart writes it again; the server then finds it and creates
 * nothing).
 */
@Component
class QuestionnaireWriteBack {

	private final Cache<String, Boolean> queued = Caffeine.newBuilder().maximumSize(4096).build();

	/** Whether a response to {@code canonical} must carry the questionnaire. */
	boolean needed(String canonical) {
		return this.queued.getIfPresent(canonical) == null;
	}

	/**
	 * Marks {@code canonical} as queued once the current transaction commits (nothing
	 * without a transaction).
	 */
	Mono<Void> queuedOnCommit(String canonical) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.filter(TransactionSynchronizationManager::isSynchronizationActive)
			.doOnNext((manager) -> manager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					QuestionnaireWriteBack.this.queued.put(canonical, Boolean.TRUE);
					return Mono.empty();
				}
			}))
			.onErrorResume(NoTransactionException.class, (ex) -> Mono.empty())
			.then();
	}

}
