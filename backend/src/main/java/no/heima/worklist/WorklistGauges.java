package no.heima.worklist;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import no.heima.platform.PeriodicWork;

/**
 * Gauges of every team's worklist, read from the database every
 * {@code heima.metrics.refresh-interval}: items open (not resolved) and items open past
 * their deadline, by level. Every replica reports the same (database-wide) numbers:
 * aggregate with {@code max}, not {@code sum} (deploy/RUNBOOK.md).
 */
@Component
class WorklistGauges implements PeriodicWork {

	static final String OPEN = "heima.worklist.open";

	static final String OVERDUE = "heima.worklist.overdue";

	private final DatabaseClient db;

	private final MeterRegistry meters;

	private final Duration interval;

	private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

	WorklistGauges(DatabaseClient db, MeterRegistry meters,
			@Value("${heima.metrics.refresh-interval:30s}") Duration interval) {
		this.db = db;
		this.meters = meters;
		this.interval = interval;
		for (String level : new String[] { "YELLOW", "RED", "MISSING" }) {
			gauge(this.open, OPEN, "Worklist items not resolved", level);
			gauge(this.overdue, OVERDUE, "Worklist items not resolved and past their deadline", level);
		}
	}

	/** One read of the counts; levels with no open item go back to zero. */
	Mono<Void> refresh() {
		return this.db.sql("""
				select level, count(*) as open, count(*) filter (where due_at < now()) as overdue
				from worklist_item where status <> 'RESOLVED' group by level
				""")
			.map((row) -> new Object[] { row.get("level", String.class), row.get("open", Long.class),
					row.get("overdue", Long.class) })
			.all()
			.collectList()
			.doOnNext((rows) -> {
				this.open.values().forEach((g) -> g.set(0));
				this.overdue.values().forEach((g) -> g.set(0));
				for (Object[] row : rows) {
					String level = (String) row[0];
					gauge(this.open, OPEN, "Worklist items not resolved", level).set((Long) row[1]);
					gauge(this.overdue, OVERDUE, "Worklist items not resolved and past their deadline", level)
						.set((Long) row[2]);
				}
			})
			.then();
	}

	private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String description, String level) {
		return gauges.computeIfAbsent(level, (l) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder(name, value, AtomicLong::get).description(description).tag("level", l).register(this.meters);
			return value;
		});
	}

	@Override
	public String name() {
		return "reading the worklist gauges";
	}

	@Override
	public Duration firstDelay() {
		return Duration.ZERO;
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public Mono<Void> runOnce() {
		return refresh();
	}

}
