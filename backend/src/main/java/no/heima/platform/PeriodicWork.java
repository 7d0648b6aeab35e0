package no.heima.platform;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Work a feature wants done again and again on every replica (scans, gauges, queue
 * polls). A feature states what and how often; {@link PeriodicWorkRunner} runs every bean
 * of this type the same way: a round at a time, a round that is still running when the
 * next is due is skipped, a failed round is logged and the next one runs as planned.
 * Rounds must be safe on two replicas at once (unique keys, row locks).
 */
public interface PeriodicWork {

	/** For the logs: what the work is, e.g. "scan for missed tasks". */
	String name();

	/** How long after start-up the first round runs. */
	Duration firstDelay();

	/** Time from the start of one round to the start of the next. */
	Duration interval();

	/** Work that is switched off by configuration is not run at all. */
	default boolean enabled() {
		return true;
	}

	/**
	 * A failed round of critical work (a safety net such as escalating overdue red items)
	 * is logged as an error, other work's as a warning.
	 */
	default boolean critical() {
		return false;
	}

	/** One round; the runner subscribes to it and waits for it to end. */
	Mono<?> runOnce();

	/** Work given by its parts, for a feature that has no class of its own for it. */
	static PeriodicWork of(String name, boolean enabled, Duration firstDelay, Duration interval,
			Supplier<? extends Mono<?>> round) {
		return new PeriodicWork() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean enabled() {
				return enabled;
			}

			@Override
			public Duration firstDelay() {
				return firstDelay;
			}

			@Override
			public Duration interval() {
				return interval;
			}

			@Override
			public Mono<?> runOnce() {
				return round.get();
			}

		};
	}

}
