package no.heima.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link PeriodicWork} bean from start-up until shutdown: one timer per work,
 * ticks that come while a round is still running are dropped (never queued), and a
 * failing round is logged and does not end the loop.
 */
@Component
class PeriodicWorkRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicWorkRunner.class);

	private final List<PeriodicWork> works;

	private volatile Disposable.Composite running;

	PeriodicWorkRunner(List<PeriodicWork> works) {
		this.works = List.copyOf(works);
	}

	@Override
	public void start() {
		Disposable.Composite loops = Disposables.composite();
		for (PeriodicWork work : this.works) {
			if (!work.enabled()) {
				log.info("Periodic work off by configuration: {}", work.name());
				continue;
			}
			loops.add(loop(work).subscribe());
		}
		this.running = loops;
	}

	static Flux<Object> loop(PeriodicWork work) {
		return Flux.interval(work.firstDelay(), work.interval())
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.defer(work::runOnce).cast(Object.class).onErrorResume((ex) -> {
				if (work.critical()) {
					log.error("Periodic work failed, next round as planned: {}: {}", work.name(), ex.toString());
				}
				else {
					log.warn("Periodic work failed, next round as planned: {}: {}", work.name(), ex.toString());
				}
				return Mono.empty();
			}), 1);
	}

	@Override
	public void stop() {
		Disposable.Composite loops = this.running;
		if (loops != null) {
			loops.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
