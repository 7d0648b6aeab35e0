package no.heima.worklist;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditOutcome;
import no.heima.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What the open live worklists of this replica are sent. A change is read once for all of
 * them (the changes that came while the previous read ran are read together, in one
 * statement) and multicast; each stream keeps its clinician's teams' items, has them
 * audited (one READ row per item sent, written with every other stream's rows in one
 * insert, {@link GroupAudit}) and only then sends them. Before, every stream read every
 * change itself and wrote its audit row alone, one change after the other, on the
 * requests' connection pool: under load a stream fell further behind with every change
 * (issue 13). A stream that cannot keep up even so, or a read that fails, gets a
 * {@code reload} event: its client fetches the list again instead of silently missing
 * items.
 */
@Component
class LiveFeed implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

	/**
	 * How long changes (or a stream's items) are gathered before being handled together.
	 */
	static final Duration GATHER = Duration.ofMillis(5);

	/** An event for the streams: a change with the item as it is now, or reload. */
	record Pushed(String event, WorklistItem item) {

		static final Pushed RELOAD = new Pushed("reload", null);

		boolean reload() {
			return this.item == null;
		}

	}

	private final Sinks.Many<Pushed> out = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean behind = new AtomicBoolean();

	private final AtomicLong reads = new AtomicLong();

	private final AtomicLong reloads = new AtomicLong();

	private final BiFunction<List<UUID>, Instant, Flux<WorklistItem>> reader;

	private final GroupAudit audit;

	private final WorklistStreamProperties properties;

	private final Clock clock;

	private final Disposable running;

	@Autowired
	LiveFeed(WorklistEvents events, StreamDatabase database, WorklistStreamProperties properties, Clock clock,
			MeterRegistry meters) {
		this(events, database::items, database::audit, properties, clock);
		FunctionCounter.builder("heima.worklist.stream.reads", this, LiveFeed::reads)
			.description("Reads of changed worklist items for the live streams (one per batch of changes)")
			.register(meters);
		FunctionCounter.builder("heima.worklist.stream.reloads", this, LiveFeed::reloads)
			.description("Reload events sent to live worklist streams that fell behind or missed a change")
			.register(meters);
	}

	LiveFeed(WorklistEvents events, BiFunction<List<UUID>, Instant, Flux<WorklistItem>> reader,
			Function<List<AuditEntry>, Mono<Void>> writer, WorklistStreamProperties properties, Clock clock) {
		this.reader = reader;
		this.properties = properties;
		this.clock = clock;
		this.audit = new GroupAudit(writer, properties.auditWindow(), properties.batchSize());
		// the shared feed keeps as many as a replica may fall behind in all (it reads
		// them in batches); maxPending bounds each stream
		this.running = events.changes(WorklistEvents.MAX_PENDING, () -> this.behind.set(true))
			// nobody to tell on this replica: no read
			.filter((change) -> this.out.currentSubscriberCount() > 0)
			.bufferTimeout(properties.batchSize(), GATHER, true)
			.concatMap(this::read, 1)
			.subscribe(this.out::tryEmitNext,
					(ex) -> log.error("The live worklist feed stopped; open worklists get no more changes", ex));
	}

	/**
	 * One statement for a batch of changes, in their order; reload first if some were
	 * lost.
	 */
	private Flux<Pushed> read(List<WorklistEvents.Change> changes) {
		boolean lost = this.behind.getAndSet(false);
		List<UUID> ids = changes.stream().map(WorklistEvents.Change::itemId).distinct().toList();
		this.reads.incrementAndGet();
		return this.reader.apply(ids, this.clock.instant())
			.collectMap(WorklistItem::id)
			.flatMapIterable((items) -> pushed(lost, changes, items))
			.onErrorResume((ex) -> {
				log.warn("Could not read {} changed worklist items; open worklists are told to reload", ids.size(), ex);
				return Flux.just(Pushed.RELOAD);
			});
	}

	private static List<Pushed> pushed(boolean lost, List<WorklistEvents.Change> changes,
			Map<UUID, WorklistItem> items) {
		List<Pushed> pushed = new ArrayList<>(changes.size() + 1);
		if (lost) {
			pushed.add(Pushed.RELOAD);
		}
		for (WorklistEvents.Change change : changes) {
			WorklistItem item = items.get(change.itemId());
			if (item != null) {
				pushed.add(new Pushed(change.event(), item));
			}
		}
		return pushed;
	}

	/**
	 * What {@code user}'s stream is sent: their teams' items, each audited before it goes
	 * out; reload when this stream fell {@code maxPending} behind (the oldest dropped),
	 * when the shared feed did, or when an audit insert failed (those items are not
	 * sent).
	 */
	Flux<Pushed> forUser(CurrentUser user) {
		return Flux.defer(() -> {
			AtomicBoolean overflowed = new AtomicBoolean();
			return this.out.asFlux()
				.filter((pushed) -> pushed.reload() || user.isMemberOf(pushed.item().team()))
				.onBackpressureBuffer(this.properties.maxPending(), (dropped) -> overflowed.set(true),
						BufferOverflowStrategy.DROP_OLDEST)
				.concatMapIterable(
						(pushed) -> overflowed.getAndSet(false) ? List.of(Pushed.RELOAD, pushed) : List.of(pushed))
				.bufferTimeout(this.properties.batchSize(), GATHER, true)
				.concatMap((batch) -> audited(user, batch), 1);
		});
	}

	private Flux<Pushed> audited(CurrentUser user, List<Pushed> batch) {
		List<AuditEntry> rows = batch.stream()
			.filter((pushed) -> !pushed.reload())
			.map((pushed) -> AuditEntry.of(user, pushed.item().patientId(), AuditAction.READ, "WorklistItem",
					AuditOutcome.SUCCESS, "worklist update"))
			.toList();
		List<Pushed> sent = new ArrayList<>(batch.size());
		for (Pushed pushed : batch) {
			// one reload is enough, however many came together
			if (!pushed.reload() || !sent.contains(Pushed.RELOAD)) {
				sent.add(pushed);
			}
		}
		return this.audit.record(rows)
			.thenMany(Flux.fromIterable(sent))
			.onErrorResume((ex) -> Flux.just(Pushed.RELOAD))
			.doOnNext((pushed) -> {
				if (pushed.reload()) {
					this.reloads.incrementAndGet();
				}
			});
	}

	/** Statements run to read changed items (one per batch of changes). */
	long reads() {
		return this.reads.get();
	}

	/** Reload events sent, to all streams together. */
	long reloads() {
		return this.reloads.get();
	}

	@Override
	public void destroy() {
		this.running.dispose();
		this.audit.dispose();
	}

}
