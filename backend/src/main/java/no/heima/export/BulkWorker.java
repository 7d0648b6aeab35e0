package no.heima.export;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each replica's share of the bulk exports: every poll interval it drops expired exports
 * and, when idle, takes one waiting job (or one another replica left behind) and runs it.
 * One job at a time per replica; more replicas run more at once.
 */
@Component
class BulkWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

	private final BulkJobs jobs;

	private final BulkRun run;

	private final ExportProperties properties;

	private final String owner = UUID.randomUUID().toString();

	private volatile Disposable loop;

	BulkWorker(BulkJobs jobs, BulkRun run, ExportProperties properties) {
		this.jobs = jobs;
		this.run = run;
		this.properties = properties;
	}

	/** One round: tidy up, then run a job if one waits. True when one ran. */
	Mono<Boolean> once() {
		return this.jobs.deleteExpired().then(this.jobs.claim(this.owner, this.properties.lease())).flatMap((job) -> {
			log.info("Bulk export {} started (attempt by {})", job.id(), this.owner);
			return this.run.run(job, this.owner).thenReturn(true);
		}).defaultIfEmpty(false);
	}

	@Override
	public void start() {
		this.loop = Flux.interval(this.properties.pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> once().onErrorResume((ex) -> {
				log.warn("Bulk export round failed: {}", ex.toString());
				return Mono.just(false);
			}), 1)
			.subscribe();
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
