package no.heima.fhirsync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers the outbox: every poll it claims a batch, sends it (blocking HAPI calls on
 * boundedElastic), and records each row's fate. Several replicas run this at once;
 * claiming with SKIP LOCKED and a lease keeps them on different rows. Also keeps the
 * outbox gauges current.
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final Duration GAUGES_WHILE_OFF = Duration.ofSeconds(30);

	private final FhirServerProperties properties;

	private final OutboxRepository repository;

	private final FhirServer server;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong parked = new AtomicLong();

	private final AtomicLong oldest = new AtomicLong();

	private volatile Disposable loop;

	OutboxWorker(FhirServerProperties properties, OutboxRepository repository, FhirServer server,
			MeterRegistry meters) {
		this.properties = properties;
		this.repository = repository;
		this.server = server;
		Gauge.builder("heima.fhir.outbox.pending", this.pending, AtomicLong::get)
			.description("Resources waiting to be written to the FHIR server")
			.register(meters);
		Gauge.builder("heima.fhir.outbox.parked", this.parked, AtomicLong::get)
			.description("Resources the FHIR server refused; need an admin")
			.register(meters);
		Gauge.builder("heima.fhir.outbox.oldest.seconds", this.oldest, AtomicLong::get)
			.description("Age of the oldest waiting resource")
			.register(meters);
	}

	/** One round: claim, deliver, record. Emits how many rows were delivered. */
	Mono<Long> deliverOnce() {
		FhirServerProperties.Sync sync = this.properties.sync();
		return this.repository.claim(sync.batchSize(), sync.lease())
			.collectList()
			.filter((rows) -> !rows.isEmpty())
			.flatMap((rows) -> Mono.fromCallable(() -> sync.transactions() ? this.server.deliverAsTransaction(rows)
					: this.server.deliverSingly(rows))
				.subscribeOn(Schedulers.boundedElastic()))
			.flatMapMany(Flux::fromIterable)
			.concatMap(this::record)
			.filter((d) -> d.outcome() == Delivery.Outcome.DELIVERED)
			.count();
	}

	private Mono<Delivery> record(Delivery d) {
		return switch (d.outcome()) {
			case DELIVERED -> this.repository.delivered(d.row(), d.detail()).thenReturn(d);
			case PARK -> {
				log.warn("FHIR write-back parked {} {}: {}", d.row().resourceType(), d.row().identifierValue(),
						d.detail());
				yield this.repository.park(d.row(), d.detail()).thenReturn(d);
			}
			case RETRY -> this.repository.retryLater(d.row(), backoff(d.row().attempts()), d.detail()).thenReturn(d);
		};
	}

	/**
	 * Exponential in the attempts so far, capped, with ±50 % jitter so replicas do not
	 * retry in step.
	 */
	Duration backoff(int attempts) {
		FhirServerProperties.Sync sync = this.properties.sync();
		long base = sync.backoffBase().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(base, sync.backoffMax().toMillis());
		return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
	}

	Mono<Void> refreshGauges() {
		return this.repository.stats().doOnNext((s) -> {
			this.pending.set(s.pending());
			this.parked.set(s.parked());
			this.oldest.set(s.oldestPendingSeconds());
		}).then();
	}

	@Override
	public void start() {
		if (!this.properties.sync().enabled() || !this.server.configured()) {
			log.info("FHIR write-back is off (no heima.fhir.base-url or heima.fhir.sync.enabled=false);"
					+ " resources wait in the outbox");
			// the gauges still tell how many wait, and for how long
			this.loop = Flux.interval(Duration.ZERO, GAUGES_WHILE_OFF)
				.onBackpressureDrop()
				.concatMap((tick) -> refreshGauges().onErrorResume((ex) -> Mono.empty()), 1)
				.subscribe();
			return;
		}
		this.loop = Flux.interval(this.properties.sync().pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> drain().then(refreshGauges()).onErrorResume((ex) -> {
				log.warn("FHIR write-back round failed: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/**
	 * Keeps delivering while full batches come back, so a backlog clears faster than one
	 * batch a poll.
	 */
	private Mono<Void> drain() {
		return deliverOnce()
			.expand((delivered) -> (delivered >= this.properties.sync().batchSize()) ? deliverOnce() : Mono.empty())
			.then();
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
		this.loop = null;
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
