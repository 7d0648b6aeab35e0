package no.heima.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.heima.vital.Vital;
import no.heima.pathway.Activity;

/** One activity due on one day of a care plan, with its window and state. */
public record Task(UUID carePlanId, String activityId, Activity.Type type, String title, Vital vital,
		String questionnaireUrl, String questionnaireVersion, LocalDate date, Instant windowStart, Instant windowEnd,
		State state, Instant completedAt) {

	public enum State {

		UPCOMING, DUE, DONE, MISSED

	}

}
