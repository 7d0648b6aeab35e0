package no.heima.pathway;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One frozen version of a pathway: what a care plan is pinned to. */
public record PublishedPathway(UUID pathwayId, String team, int version, PathwayDefinition definition,
		Instant publishedAt, String publishedBy) {

	public Optional<Activity> activity(String activityId) {
		return this.definition.activities().stream().filter((a) -> a.id().equals(activityId)).findFirst();
	}

}
