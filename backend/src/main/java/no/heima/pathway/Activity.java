package no.heima.pathway;

import java.util.List;
import no.heima.vital.Vital;

/**
 * One thing the patient does on a schedule: answer a questionnaire (by canonical url and
 * version) or record a vital. {@code id} is stable across versions of the pathway so
 * history can be followed.
 * <p>
 * {@code collectOnly}: the values are collected but deliberately not triaged (no rule),
 * for the reason given; without that choice an activity with no rule cannot be published.
 * <p>
 * {@code title} is the title as first written (Norwegian in definitions from before both
 * languages); {@code titles}, when given, holds it in nb and en. Readers show
 * {@link #title(String)}.
 */
public record Activity(String id, Type type, String title, String questionnaireUrl, String questionnaireVersion,
		Vital vital, Schedule schedule, List<Threshold> thresholds, List<TrendRule> trends,
		List<AnswerTrigger> triggers, Boolean collectOnly, LocalizedText collectOnlyReason, LocalizedText titles) {

	/** An activity whose title is in one language only. */
	public Activity(String id, Type type, String title, String questionnaireUrl, String questionnaireVersion,
			Vital vital, Schedule schedule, List<Threshold> thresholds, List<TrendRule> trends,
			List<AnswerTrigger> triggers, Boolean collectOnly, LocalizedText collectOnlyReason) {
		this(id, type, title, questionnaireUrl, questionnaireVersion, vital, schedule, thresholds, trends, triggers,
				collectOnly, collectOnlyReason, null);
	}

	/**
	 * An activity that is watched (or, if it has no rules, not yet decided: publishing
	 * refuses it).
	 */
	public Activity(String id, Type type, String title, String questionnaireUrl, String questionnaireVersion,
			Vital vital, Schedule schedule, List<Threshold> thresholds, List<TrendRule> trends,
			List<AnswerTrigger> triggers) {
		this(id, type, title, questionnaireUrl, questionnaireVersion, vital, schedule, thresholds, trends, triggers,
				false, null);
	}

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
		// absent in definitions stored before the choice existed: not chosen
		collectOnly = Boolean.TRUE.equals(collectOnly);
	}

	/** The title in {@code language}, else in the other language, else {@code title}. */
	public String title(String language) {
		return LocalizedText.in(this.titles, this.title, language);
	}

	/** Whether any triage rule (bound, trend or answer trigger) watches its values. */
	public boolean hasRules() {
		return !this.thresholds.isEmpty() || !this.trends.isEmpty() || !this.triggers.isEmpty();
	}

}
