package no.heima.careplan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * How many tasks were done, by plan and activity, over a span of days: aggregate figures
 * for planning (the capacity forecast), read through the primary key of the completions.
 */
@Component
public class CompletionTally {

	private final DatabaseClient db;

	CompletionTally(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * One plan's activity and its completed tasks due from {@code from} before
	 * {@code to}.
	 */
	public record Count(UUID carePlanId, String activityId, long done) {
	}

	public Flux<Count> done(Collection<UUID> carePlanIds, LocalDate from, LocalDate to) {
		if (carePlanIds.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("""
				select care_plan_id, activity_id, count(*) as done from task_completion
				where care_plan_id = any(:plans) and due_date >= :from and due_date < :to
				group by care_plan_id, activity_id
				""")
			.bind("plans", carePlanIds.toArray(UUID[]::new))
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new Count(row.get("care_plan_id", UUID.class), row.get("activity_id", String.class),
					row.get("done", Long.class)))
			.all();
	}

}
