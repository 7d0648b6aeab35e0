package no.heima.fhirsync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

	private static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(30);

	private static final Duration GAUGES_WHILE_OFF = Duration.ofSeconds(30);

	private final FhirServerProperties properties;

	private final OutboxRepository repository;

	private final FhirServer server;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong parked = new AtomicLong();

	private final AtomicLong oldest = new AtomicLong();

	private final FhirServerHealth health;

	private volatile Disposable loop;

	private volatile java.time.Instant lastCheck = java.time.Instant.EPOCH;

	/** Rows per transaction bundle, fitted to the server (this replica's own). */
	private final BundleSize bundleSize;

	OutboxWorker(FhirServerProperties properties, OutboxRepository repository, FhirServer server, MeterRegistry meters,
			FhirServerHealth health) {
		this.health = health;
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
		this.bundleSize = new BundleSize(properties.sync().batchSize());
		Gauge.builder("heima.fhir.outbox.bundle.size", this.bundleSize, BundleSize::current)
			.description("Rows per transaction bundle now (halved when a bundle times out, grows back after successes)")
			.register(meters);
	}

	/** One round: claim, deliver, record. Emits how many rows were delivered. */
	Mono<Long> deliverOnce() {
		return batch().map(Batch::delivered);
	}

	/**
	 * What one batch asked for ({@code limit}), claimed, and how many of those were
	 * delivered.
	 */
	private record Batch(int limit, int claimed, long delivered) {
	}

	/** A batch's outcomes and how long sending it took. */
	private record Sent(List<Delivery> outcomes, Duration took) {
	}

	private Mono<Batch> batch() {
		FhirServerProperties.Sync sync = this.properties.sync();
		int limit = sync.transactions() ? this.bundleSize.current() : sync.batchSize();
		return this.repository.claim(limit, sync.lease())
			.collectList()
			.filter((rows) -> !rows.isEmpty())
			.flatMap((rows) -> Mono.fromCallable(() -> {
				long start = System.nanoTime();
				List<Delivery> outcomes = sync.transactions() ? this.server.deliverAsTransaction(rows)
						: this.server.deliverSingly(rows);
				return new Sent(outcomes, Duration.ofNanos(System.nanoTime() - start));
			})
				.subscribeOn(Schedulers.boundedElastic())
				.doOnNext((sent) -> adapt(rows.size(), sent))
				.map((sent) -> sent.outcomes().stream().map(this::decide).toList())
				.doOnNext(this::noteServer)
				.flatMap((outcomes) -> this.repository.record(outcomes)
					.thenReturn(new Batch(limit, rows.size(),
							outcomes.stream().filter((d) -> d.outcome() == Delivery.Outcome.DELIVERED).count()))))
			.defaultIfEmpty(new Batch(limit, 0, 0));
	}

	/**
	 * Fits the bundle size to the server: halved after a bundle that timed out or was too
	 * large, one more after a bundle of {@code claimed} that went through well in time.
	 */
	private void adapt(int claimed, Sent sent) {
		List<Delivery> slow = sent.outcomes().stream().filter(Delivery::slowBundle).toList();
		if (!slow.isEmpty()) {
			int before = this.bundleSize.current();
			int now = this.bundleSize.shrink(slow.size());
			if (now != before) {
				log.warn("FHIR write-back: {}; bundles of {} from now on (were {})", slow.get(0).detail(), now, before);
			}
			return;
		}
		boolean delivered = sent.outcomes().stream().anyMatch((d) -> d.outcome() == Delivery.Outcome.DELIVERED);
		boolean fault = sent.outcomes().stream().anyMatch(Delivery::serverFault);
		if (delivered && !fault) {
			this.bundleSize.grow(claimed, sent.took(), this.properties.sync().bundleReadTimeout());
		}
	}

	/** Rows per transaction bundle now. */
	int bundleSize() {
		return this.bundleSize.current();
	}

	/**
	 * A round in which only server faults came back marks the server unavailable: rows
	 * then wait for the probe instead of each trying and backing off on its own. A slow
	 * bundle is no server fault: the server answers, the next bundles are smaller.
	 */
	private void noteServer(List<Delivery> outcomes) {
		boolean delivered = outcomes.stream().anyMatch((d) -> d.outcome() == Delivery.Outcome.DELIVERED);
		Optional<Delivery> fault = outcomes.stream().filter(Delivery::serverFault).findFirst();
		if (!delivered && fault.isPresent() && this.health.set(FhirServerHealth.State.UNAVAILABLE,
				fault.get().detail()) == FhirServerHealth.State.READY) {
			log.warn("FHIR server unavailable ({}); probing every {}", fault.get().detail(),
					this.properties.sync().probeInterval());
		}
	}

	/**
	 * One tick: deliver while the server is ready; otherwise check it when due (at once
	 * at start-up, every probe interval while unavailable, every 30 s while
	 * misconfigured). When an unavailable server answers again, rows waiting out their
	 * backoff are released at once.
	 */
	Mono<Void> round() {
		FhirServerHealth.State state = this.health.state();
		if (state == FhirServerHealth.State.READY) {
			return drain();
		}
		java.time.Duration every = (state == FhirServerHealth.State.MISCONFIGURED) ? RECHECK
				: this.properties.sync().probeInterval();
		java.time.Instant now = java.time.Instant.now();
		if (state != FhirServerHealth.State.UNCHECKED && now.isBefore(this.lastCheck.plus(every))) {
			return Mono.empty();
		}
		this.lastCheck = now;
		return Mono.fromCallable(this.server::check).subscribeOn(Schedulers.boundedElastic()).flatMap((checked) -> {
			FhirServerHealth.State before = this.health.set(checked.getKey(), checked.getValue());
			if (checked.getKey() != FhirServerHealth.State.READY) {
				if (before != checked.getKey()) {
					log.warn("FHIR server {}: {}", checked.getKey(), checked.getValue());
				}
				return Mono.empty();
			}
			log.info("FHIR server ready: {}", checked.getValue());
			return this.repository.releaseWaiting()
				.doOnNext((released) -> log.info("FHIR write-back: {} waiting row(s) released", released))
				.then(drain());
		});
	}

	private Delivery decide(Delivery d) {
		return switch (d.outcome()) {
			case DELIVERED -> d;
			case PARK -> {
				log.warn("FHIR write-back parked {} {}: {}", d.row().resourceType(), d.row().identifierValue(),
						d.detail());
				yield d;
			}
			case RETRY -> d.after(backoff(d.row().attempts()));
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
			this.health.set(FhirServerHealth.State.OFF, null);
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
			.concatMap((tick) -> round().then(refreshGauges()).onErrorResume((ex) -> {
				log.warn("FHIR write-back round failed: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/**
	 * Keeps delivering while full batches come back, so a backlog clears faster than one
	 * batch a poll; when the first batch is full this replica is behind, and up to
	 * {@code in-flight} lanes then claim and deliver batches side by side (SKIP LOCKED
	 * keeps them on different rows, and a later state of a resource is not claimed while
	 * an earlier one is in flight). The lanes overlap one batch's FHIR round trip with
	 * the next one's claim, parse and record. A lane stops at the first batch that is not
	 * full, or when the server stops answering.
	 */
	private Mono<Void> drain() {
		FhirServerProperties.Sync sync = this.properties.sync();
		int lanes = Math.max(1, sync.inFlight());
		return batch().flatMap(
				(first) -> behind(first) ? Flux.range(0, lanes).flatMap((lane) -> lane(), lanes).then() : Mono.empty());
	}

	private Mono<Void> lane() {
		return batch().expand((last) -> behind(last) ? batch() : Mono.empty()).then();
	}

	private boolean behind(Batch last) {
		return last.claimed() >= last.limit() && this.health.state() == FhirServerHealth.State.READY;
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
