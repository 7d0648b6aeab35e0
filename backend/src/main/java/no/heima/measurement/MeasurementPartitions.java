package no.heima.measurement;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import no.heima.platform.PeriodicWork;

/**
 * Keeps the monthly partitions of {@code measurement} ahead of time: shortly after start
 * and then every {@code heima.measurement.partitions.interval} (a day), the partitions of
 * this month and the next {@code heima.measurement.partitions.months-ahead} (3) months
 * are made if missing, by the database function the migration created
 * ({@code V13_5__measurement_partitioned_by_month.sql}; it runs with the schema owner's
 * rights and takes an advisory lock, so every replica may call it). A value of a month
 * without a partition is not lost: it lands in the default partition and moves to its
 * month when that month is made.
 */
@Component
class MeasurementPartitions implements PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(MeasurementPartitions.class);

	private final DatabaseClient db;

	private final int monthsAhead;

	private final Duration interval;

	MeasurementPartitions(DatabaseClient db, @Value("${heima.measurement.partitions.months-ahead:3}") int monthsAhead,
			@Value("${heima.measurement.partitions.interval:1d}") Duration interval) {
		this.db = db;
		this.monthsAhead = monthsAhead;
		this.interval = interval;
	}

	/** Makes the missing months; answers how many it made. */
	Mono<Integer> ensure() {
		return this.db.sql("select heima_measurement_months_ahead(:ahead) as made")
			.bind("ahead", this.monthsAhead)
			.map((row) -> row.get("made", Integer.class))
			.one()
			.doOnNext((made) -> {
				if (made > 0) {
					log.info("Made {} monthly partition(s) of measurement ahead of time", made);
				}
			});
	}

	@Override
	public String name() {
		return "making the monthly partitions of measurement";
	}

	@Override
	public Duration firstDelay() {
		return Duration.ofSeconds(30);
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public Mono<Integer> runOnce() {
		return ensure();
	}

}
