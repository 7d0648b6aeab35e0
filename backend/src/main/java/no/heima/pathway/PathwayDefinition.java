package no.heima.pathway;

import java.util.List;

/**
 * The content of one version of a pathway, stored as JSON.
 *
 * @param description for patients, both languages
 * @param advice self-management advice per triage level, both languages
 * @param combinations rules over signals of two or more activities together
 * @param names the name in nb and en, when given ({@code name} is the name as first
 * written, kept for readers of one language)
 * @param responseTimes how soon the care team must act on red and yellow items of this
 * pathway; absent: the worklist's defaults
 */
public record PathwayDefinition(String name, LocalizedText description, List<Activity> activities, Advice advice,
		List<CombinationRule> combinations, LocalizedText names, ResponseTimes responseTimes) {

	public PathwayDefinition {
		activities = (activities != null) ? List.copyOf(activities) : List.of();
		combinations = (combinations != null) ? List.copyOf(combinations) : List.of();
	}

	/** A definition with the worklist's default response times. */
	public PathwayDefinition(String name, LocalizedText description, List<Activity> activities, Advice advice,
			List<CombinationRule> combinations, LocalizedText names) {
		this(name, description, activities, advice, combinations, names, null);
	}

	/** A definition without combination rules, its name in one language. */
	public PathwayDefinition(String name, LocalizedText description, List<Activity> activities, Advice advice) {
		this(name, description, activities, advice, List.of(), null, null);
	}

	/** The name in {@code language}, else in the other language, else {@code name}. */
	public String name(String language) {
		return LocalizedText.in(this.names, this.name, language);
	}

	/** The activity with this id, if any. */
	public java.util.Optional<Activity> activityById(String id) {
		return this.activities.stream().filter((a) -> a != null && a.id() != null && a.id().equals(id)).findFirst();
	}

	public record Advice(LocalizedText green, LocalizedText yellow, LocalizedText red) {
	}

}
