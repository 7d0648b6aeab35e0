package no.heima.worklist;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import no.heima.audit.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Audit rows of every open live stream, gathered for a short window and written in one
 * insert (a group commit): an event that reaches ten nurses is ten rows in one round
 * trip, not ten. A caller's {@link #record} completes once its rows are written, so a
 * stream sends an event only after it is audited; when the insert fails, every caller of
 * that batch gets the error.
 */
final class GroupAudit implements Disposable {

	private static final Logger log = LoggerFactory.getLogger(GroupAudit.class);

	private record Pending(List<AuditEntry> entries, Sinks.One<Void> written) {
	}

	private final Sinks.Many<Pending> queue = Sinks.many().unicast().onBackpressureBuffer();

	private final Disposable running;

	/**
	 * @param writer writes many rows in one statement
	 * @param window how long rows are gathered after the first one comes
	 * @param maxCallers at most this many callers' rows in one insert
	 */
	GroupAudit(Function<List<AuditEntry>, Mono<Void>> writer, Duration window, int maxCallers) {
		this.running = this.queue.asFlux()
			.bufferTimeout(maxCallers, window, true)
			.concatMap((batch) -> write(writer, batch), 1)
			.subscribe();
	}

	private static Mono<Void> write(Function<List<AuditEntry>, Mono<Void>> writer, List<Pending> batch) {
		List<AuditEntry> rows = batch.stream().flatMap((pending) -> pending.entries().stream()).toList();
		return Mono.defer(() -> writer.apply(rows))
			.doOnSuccess((done) -> batch.forEach((pending) -> pending.written().tryEmitEmpty()))
			.onErrorResume((ex) -> {
				log.warn("Could not write {} audit rows of the live worklist streams", rows.size(), ex);
				batch.forEach((pending) -> pending.written().tryEmitError(ex));
				return Mono.empty();
			});
	}

	/** Completes when {@code entries} are written (at once when there are none). */
	Mono<Void> record(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			Pending pending = new Pending(List.copyOf(entries), Sinks.one());
			Sinks.EmitResult result = this.queue.tryEmitNext(pending);
			while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
				// another stream is handing in its rows at this instant
				Thread.onSpinWait();
				result = this.queue.tryEmitNext(pending);
			}
			if (result.isFailure()) {
				return Mono.error(new IllegalStateException("Live stream audit is closed: " + result));
			}
			return pending.written().asMono();
		});
	}

	@Override
	public void dispose() {
		this.running.dispose();
		this.queue.tryEmitComplete();
	}

	@Override
	public boolean isDisposed() {
		return this.running.isDisposed();
	}

}
