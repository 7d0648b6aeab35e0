package no.heima.export;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import no.heima.platform.PeriodicWork;

/**
 * Each replica's share of the bulk exports: every poll interval it drops expired exports
 * and, when idle, takes one waiting job (or one another replica left behind) and runs it.
 * One job at a time per replica; more replicas run more at once.
 */
@Component
class BulkWorker implements PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

	private final BulkJobs jobs;

	private final BulkRun run;

	private final ExportProperties properties;

	private final String owner = UUID.randomUUID().toString();

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
	public String name() {
		return "bulk export round";
	}

	@Override
	public Duration firstDelay() {
		return this.properties.pollInterval();
	}

	@Override
	public Duration interval() {
		return this.properties.pollInterval();
	}

	@Override
	public Mono<Boolean> runOnce() {
		return once();
	}

}
