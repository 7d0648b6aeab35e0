package no.heima.pathway;

import java.time.Instant;
import java.util.UUID;

/**
 * A pathway in lists: its latest published version (0 if never published) and whether a
 * draft has unpublished edits.
 */
public record PathwaySummary(UUID id, String team, String name, int latestVersion, boolean hasDraft,
		Instant createdAt) {

}
