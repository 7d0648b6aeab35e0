package no.heima.pathway;

import java.util.List;
import no.heima.vital.Vital;

/**
 * One thing the patient does on a schedule: answer a questionnaire (by canonical url and
 * version) or record a vital. {@code id} is stable across versions of the pathway so
 * history can be followed.
 */
public record Activity(String id, Type type, String title, String questionnaireUrl, String questionnaireVersion,
		Vital vital, Schedule schedule, List<Threshold> thresholds, List<TrendRule> trends,
		List<AnswerTrigger> triggers) {

	/** An activity with bounds only (no trend rules, no answer triggers). */
	public Activity(String id, Type type, String title, String questionnaireUrl, String questionnaireVersion,
			Vital vital, Schedule schedule, List<Threshold> thresholds) {
		this(id, type, title, questionnaireUrl, questionnaireVersion, vital, schedule, thresholds, List.of(),
				List.of());
	}

	public enum Type {

		QUESTIONNAIRE, MEASUREMENT

	}

	public Activity {
		thresholds = (thresholds != null) ? List.copyOf(thresholds) : List.of();
		trends = (trends != null) ? List.copyOf(trends) : List.of();
		triggers = (triggers != null) ? List.copyOf(triggers) : List.of();
	}

}
