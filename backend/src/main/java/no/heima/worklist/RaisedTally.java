package no.heima.worklist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * How many worklist items the teams' plans raised over a span, by plan, activity and
 * kind: aggregate figures for planning (the capacity forecast), never the items.
 */
@Component
public class RaisedTally {

	private final DatabaseClient db;

	RaisedTally(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * @param activityId null for items of no activity (messages, evaluations)
	 * @param kind as {@link ItemRaised.Kind}
	 */
	public record Count(UUID carePlanId, String activityId, String kind, long raised) {
	}

	public Flux<Count> raised(List<String> teams, Instant from, Instant to) {
		if (teams.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("""
				select care_plan_id, activity_id, kind, count(*) as raised from worklist_item
				where team = any(:teams) and raised_at >= :from and raised_at < :to
				group by care_plan_id, activity_id, kind
				""")
			.bind("teams", teams.toArray(String[]::new))
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new Count(row.get("care_plan_id", UUID.class), row.get("activity_id", String.class),
					row.get("kind", String.class), row.get("raised", Long.class)))
			.all();
	}

}
