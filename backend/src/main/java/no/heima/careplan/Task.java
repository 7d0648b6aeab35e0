package no.heima.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.heima.vital.Vital;
import no.heima.pathway.Activity;
import no.heima.pathway.LocalizedText;

/**
 * One activity due on one day of a care plan, with its window and state; {@code titles}
 * in nb and en when the pathway gives both (the app shows the viewer's language, else
 * {@code title}).
 */
public record Task(UUID carePlanId, String activityId, Activity.Type type, String title, Vital vital,
		String questionnaireUrl, String questionnaireVersion, LocalDate date, Instant windowStart, Instant windowEnd,
		State state, Instant completedAt, LocalizedText titles) {

	/** A task whose title is in one language only. */
	public Task(UUID carePlanId, String activityId, Activity.Type type, String title, Vital vital,
			String questionnaireUrl, String questionnaireVersion, LocalDate date, Instant windowStart,
			Instant windowEnd, State state, Instant completedAt) {
		this(carePlanId, activityId, type, title, vital, questionnaireUrl, questionnaireVersion, date, windowStart,
				windowEnd, state, completedAt, null);
	}

	public enum State {

		UPCOMING, DUE, DONE, MISSED

	}

}
