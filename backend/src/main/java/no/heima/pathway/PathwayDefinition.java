package no.heima.pathway;

import java.util.List;

/**
 * The content of one version of a pathway, stored as JSON.
 *
 * @param description for patients, both languages
 * @param advice self-management advice per triage level, both languages
 */
public record PathwayDefinition(String name, LocalizedText description, List<Activity> activities, Advice advice) {

	public PathwayDefinition {
		activities = (activities != null) ? List.copyOf(activities) : List.of();
	}

	public record Advice(LocalizedText green, LocalizedText yellow, LocalizedText red) {
	}

}
