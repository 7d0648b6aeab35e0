package no.heima.worklist;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Listens on the database's {@code heima_worklist} channel with a connection of its own
 * and fans the notifications out to this replica's open worklists. Every replica listens,
 * so a change made through any of them reaches every browser. Reconnects when the
 * connection drops.
 */
@Component
class WorklistEvents implements SmartLifecycle {

	static final String CHANNEL = "heima_worklist";

	private static final Logger log = LoggerFactory.getLogger(WorklistEvents.class);

	/** A change: raised, taken, escalated or resolved. */
	record Change(String event, UUID itemId, String team) {
	}

	static final int MAX_PENDING = 10_000;

	private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();

	private final R2dbcProperties properties;

	private volatile Disposable listening;

	WorklistEvents(R2dbcProperties properties) {
		this.properties = properties;
	}

	/**
	 * Every change, for one subscriber. The sink drops an element for a subscriber with
	 * no demand at that moment; under load most changes met a busy worklist stream and
	 * were lost for that nurse (issue 13's alert-latency run: none of six red items
	 * reached an open stream at 32 submitting users). So each subscriber buffers what
	 * comes while it is busy, up to {@link #MAX_PENDING}, the oldest dropped past that.
	 * The one subscriber in the application is {@link LiveFeed}, which reads each change
	 * once for all open streams.
	 */
	Flux<Change> changes() {
		return changes(MAX_PENDING, () -> {
		});
	}

	/**
	 * As {@link #changes()}, with at most {@code maxPending} kept; {@code overflowed} is
	 * told when the oldest had to be dropped (so the subscriber can tell its clients to
	 * load the list again).
	 */
	Flux<Change> changes(int maxPending, Runnable overflowed) {
		return this.changes.asFlux().onBackpressureBuffer(maxPending, (dropped) -> {
			log.warn("A worklist subscriber fell {} changes behind; dropped {}", maxPending, dropped);
			overflowed.run();
		}, BufferOverflowStrategy.DROP_OLDEST);
	}

	/** Publishes a change to this replica's subscribers (what LISTEN brings in). */
	void publish(Change change) {
		this.changes.tryEmitNext(change);
	}

	@Override
	public void start() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(this.properties.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, this.properties.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD,
					(this.properties.getPassword() != null) ? this.properties.getPassword() : "")
			.build();
		var factory = ConnectionFactories.get(options);
		this.listening = Flux
			.usingWhen(Mono.from(factory.create()).cast(PostgresqlConnection.class),
					(connection) -> connection.createStatement("LISTEN " + CHANNEL)
						.execute()
						.flatMap(PostgresqlResult::getRowsUpdated)
						.thenMany(connection.getNotifications()),
					(connection) -> connection.close())
			.map((n) -> parse(n.getParameter()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
				.maxBackoff(Duration.ofSeconds(30))
				.doBeforeRetry(
						(s) -> log.warn("Worklist notifications lost ({}); reconnecting", s.failure().toString())))
			.subscribe(this::publish);
	}

	private static Change parse(String payload) {
		String[] parts = payload.split(" ", 3);
		return new Change(parts[0], UUID.fromString(parts[1]), parts[2]);
	}

	@Override
	public void stop() {
		Disposable running = this.listening;
		if (running != null) {
			running.dispose();
		}
		this.listening = null;
	}

	@Override
	public boolean isRunning() {
		return this.listening != null;
	}

}
