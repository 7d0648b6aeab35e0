package no.heima.worklist;

import org.springframework.modulith.NamedInterface;
import java.time.Clock;
import no.heima.fhirsync.FhirOutbox;
import no.heima.platform.DomainMetrics;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features call: raise an item in their own transaction. The NOTIFY goes out
 * when that transaction commits, so an open worklist never shows an item that was rolled
 * back.
 */
@NamedInterface("raise")
@Service
public class Worklist {

	private final WorklistRepository repository;

	private final Deadlines deadlines;

	private final Clock clock;

	private final FhirOutbox outbox;

	private final FlagMapper flags;

	private final WorkingDays days;

	private final DomainMetrics metrics;

	Worklist(WorklistRepository repository, Deadlines deadlines, Clock clock, FhirOutbox outbox, FlagMapper flags,
			WorkingDays days, DomainMetrics metrics) {
		this.days = days;
		this.repository = repository;
		this.deadlines = deadlines;
		this.clock = clock;
		this.outbox = outbox;
		this.flags = flags;
		this.metrics = metrics;
	}

	/**
	 * When an item raised at {@code now} must be acted on: by its level, with the
	 * pathway's response times when the item carries them.
	 */
	java.time.Instant dueAt(ItemRaised item, java.time.Instant now) {
		return this.deadlines.dueAt(item.level(), now, this.days, item.responseTimes());
	}

	/** Whether the patient has an item of this kind that is not resolved yet. */
	public Mono<Boolean> hasOpen(java.util.UUID patientId, ItemRaised.Kind kind) {
		return this.repository.hasOpen(patientId, kind.name());
	}

	/**
	 * Which of these source keys already have an item of this kind, in any state (one
	 * read, by the unique key on kind and source key).
	 */
	public Mono<java.util.Set<String>> raised(ItemRaised.Kind kind, java.util.List<String> sourceKeys) {
		return sourceKeys.isEmpty() ? Mono.just(java.util.Set.of())
				: this.repository.existingKeys(kind.name(), sourceKeys).collect(java.util.stream.Collectors.toSet());
	}

	public Mono<Void> raise(ItemRaised item) {
		java.time.Instant now = this.clock.instant();
		return this.repository.insert(item, dueAt(item, now))
			.flatMap((id) -> this.outbox
				.enqueue(this.flags.raised(id, item.level(), item.summary(), item.patient().identifier().system(),
						item.patient().identifier().value(), now))
				.then(this.repository.notify("raised", id, item.team()))
				.then(this.metrics.alertRaised(item.level())));
	}

}
