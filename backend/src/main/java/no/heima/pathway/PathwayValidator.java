package no.heima.pathway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.heima.vital.Vital;
import no.heima.problem.FieldProblem;

/**
 * Checks a pathway definition and reports every problem with the path of the field, so
 * the admin form can show each one next to its field.
 */
final class PathwayValidator {

	private static final int MAX_DAYS = 3660;

	private final List<FieldProblem> problems = new ArrayList<>();

	static List<FieldProblem> validate(PathwayDefinition definition) {
		PathwayValidator validator = new PathwayValidator();
		validator.check(definition);
		return List.copyOf(validator.problems);
	}

	/**
	 * The rules for one threshold of an activity (also used for a patient's personal
	 * bounds).
	 */
	static List<FieldProblem> checkThreshold(String path, Activity activity, Threshold threshold) {
		PathwayValidator validator = new PathwayValidator();
		if (threshold == null) {
			validator.add(path, "required", "Empty threshold");
		}
		else {
			validator.threshold(path, activity, threshold);
		}
		return List.copyOf(validator.problems);
	}

	private void check(PathwayDefinition d) {
		if (d == null) {
			add("", "required", "A pathway definition is required");
			return;
		}
		text("name", d.name(), 200);
		if (d.names() != null) {
			optionalText("names.nb", d.names().nb(), 200);
			optionalText("names.en", d.names().en(), 200);
		}
		if (d.description() != null) {
			optionalText("description.nb", d.description().nb(), 4000);
			optionalText("description.en", d.description().en(), 4000);
		}
		if (d.activities().isEmpty()) {
			add("activities", "required", "At least one activity");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < d.activities().size(); i++) {
			activity("activities[" + i + "]", d.activities().get(i), ids);
		}
		if (d.advice() != null) {
			advice("advice.green", d.advice().green());
			advice("advice.yellow", d.advice().yellow());
			advice("advice.red", d.advice().red());
		}
		this.problems.addAll(CombinationCheck.check(d));
		responseTimes(d.responseTimes());
	}

	private void responseTimes(ResponseTimes times) {
		if (times == null) {
			return;
		}
		if (times.redHours() != null && (times.redHours() < 1 || times.redHours() > ResponseTimes.MAX_RED_HOURS)) {
			add("responseTimes.redHours", "range", "Between 1 and " + ResponseTimes.MAX_RED_HOURS + " hours");
		}
		if (times.yellowWorkingDays() != null && (times.yellowWorkingDays() < 1
				|| times.yellowWorkingDays() > ResponseTimes.MAX_YELLOW_WORKING_DAYS)) {
			add("responseTimes.yellowWorkingDays", "range",
					"Between 1 and " + ResponseTimes.MAX_YELLOW_WORKING_DAYS + " working days");
		}
	}

	private void activity(String path, Activity a, Set<String> ids) {
		if (a == null) {
			add(path, "required", "Empty activity");
			return;
		}
		if (a.id() == null || !a.id().matches("[A-Za-z0-9-]{1,40}")) {
			add(path + ".id", "format", "1-40 letters, digits or dashes");
		}
		else if (!ids.add(a.id())) {
			add(path + ".id", "duplicate", "Activity ids must be unique");
		}
		if (a.titles() != null) {
			optionalText(path + ".titles.nb", a.titles().nb(), 200);
			optionalText(path + ".titles.en", a.titles().en(), 200);
		}
		if (a.type() == null) {
			add(path + ".type", "required", "QUESTIONNAIRE or MEASUREMENT");
			return;
		}
		if (a.type() == Activity.Type.QUESTIONNAIRE) {
			text(path + ".questionnaireUrl", a.questionnaireUrl(), 500);
			text(path + ".questionnaireVersion", a.questionnaireVersion(), 50);
		}
		else if (a.vital() == null) {
			add(path + ".vital", "required", "Which measurement");
		}
		schedule(path + ".schedule", a.schedule());
		for (int t = 0; t < a.thresholds().size(); t++) {
			threshold(path + ".thresholds[" + t + "]", a, a.thresholds().get(t));
		}
		for (int t = 0; t < a.trends().size(); t++) {
			trend(path + ".trends[" + t + "]", a, a.trends().get(t));
		}
		for (int t = 0; t < a.triggers().size(); t++) {
			trigger(path + ".triggers[" + t + "]", a, a.triggers().get(t));
		}
		if (a.collectOnly() && a.hasRules()) {
			add(path + ".collectOnly", "conflict", "A collect-only activity has no rules; remove them or untick it");
		}
		if (a.collectOnlyReason() != null) {
			optionalText(path + ".collectOnlyReason.nb", a.collectOnlyReason().nb(), 500);
			optionalText(path + ".collectOnlyReason.en", a.collectOnlyReason().en(), 500);
		}
	}

	private void schedule(String path, Schedule s) {
		if (s == null) {
			add(path, "required", "A schedule is required");
			return;
		}
		if (s.kind() == null) {
			add(path + ".kind", "required", "DAILY, WEEKDAYS, EVERY_N_DAYS or RELATIVE_DAYS");
			return;
		}
		if (s.windowStart() == null) {
			add(path + ".windowStart", "required", "Start of the time window");
		}
		if (s.windowEnd() == null) {
			add(path + ".windowEnd", "required", "End of the time window");
		}
		if (s.windowStart() != null && s.windowEnd() != null && !s.windowEnd().isAfter(s.windowStart())) {
			add(path + ".windowEnd", "order", "The window must end after it starts (same day)");
		}
		switch (s.kind()) {
			case WEEKDAYS -> {
				if (s.weekdays().isEmpty()) {
					add(path + ".weekdays", "required", "Choose at least one weekday");
				}
			}
			case EVERY_N_DAYS -> {
				if (s.intervalDays() == null || s.intervalDays() < 1 || s.intervalDays() > 365) {
					add(path + ".intervalDays", "range", "Between 1 and 365 days");
				}
			}
			case RELATIVE_DAYS -> {
				if (s.days().isEmpty()) {
					add(path + ".days", "required", "List the days, e.g. 1, 7, 14, 30, 90");
				}
				else if (s.days().stream().anyMatch((day) -> day == null || day < 1 || day > MAX_DAYS)) {
					add(path + ".days", "range", "Days from 1 to " + MAX_DAYS);
				}
			}
			case DAILY -> {
			}
		}
		if (s.durationDays() != null && (s.durationDays() < 1 || s.durationDays() > MAX_DAYS)) {
			add(path + ".durationDays", "range", "Between 1 and " + MAX_DAYS + " days, or empty");
		}
	}

	private void threshold(String path, Activity activity, Threshold t) {
		if (t.code() == null || t.code().isBlank()) {
			add(path + ".code", "required", "Which value the bounds apply to");
			return;
		}
		if (activity.type() == Activity.Type.MEASUREMENT && activity.vital() != null) {
			var component = activity.vital().component(t.code());
			if (component.isEmpty()) {
				add(path + ".code", "unknown", "Not a component of " + activity.vital());
			}
			else {
				plausible(path, component.get(), t);
			}
		}
		BigDecimal[] ordered = { t.redLow(), t.yellowLow(), t.yellowHigh(), t.redHigh() };
		BigDecimal previous = null;
		for (int i = 0; i < ordered.length; i++) {
			if (ordered[i] == null) {
				continue;
			}
			boolean mayEqual = i == 2; // yellowLow may equal yellowHigh
			if (previous != null
					&& (mayEqual ? ordered[i].compareTo(previous) < 0 : ordered[i].compareTo(previous) <= 0)) {
				add(path, "order", "Bounds must rise: red low < yellow low <= yellow high < red high");
				return;
			}
			previous = ordered[i];
		}
		if (t.redLow() == null && t.yellowLow() == null && t.yellowHigh() == null && t.redHigh() == null) {
			add(path, "required", "Give at least one bound");
		}
	}

	private void trend(String path, Activity activity, TrendRule rule) {
		if (activity.type() != Activity.Type.MEASUREMENT || activity.vital() == null || rule.code() == null
				|| activity.vital().component(rule.code()).isEmpty()) {
			add(path + ".code", "unknown", "A trend needs a value of this activity's measurement");
		}
		if (rule.windowDays() < 1 || rule.windowDays() > 60) {
			add(path + ".windowDays", "range", "Between 1 and 60 days");
		}
		boolean rise = rule.rise() != null && rule.rise().signum() > 0;
		boolean fall = rule.fall() != null && rule.fall().signum() > 0;
		if (rise == fall) {
			add(path, "required", "Give either a rise or a fall (a positive amount)");
		}
		if (!"YELLOW".equals(rule.level()) && !"RED".equals(rule.level())) {
			add(path + ".level", "format", "YELLOW or RED");
		}
	}

	private void trigger(String path, Activity activity, AnswerTrigger trigger) {
		if (activity.type() != Activity.Type.QUESTIONNAIRE) {
			add(path, "unknown", "Answer triggers belong to questionnaire activities");
		}
		if (trigger.linkId() == null || trigger.linkId().isBlank()) {
			add(path + ".linkId", "required", "Which question");
		}
		if (trigger.atLeast() == null && trigger.codes().isEmpty()) {
			add(path, "required", "Give a number the answer must reach, or the answer codes that fire it");
		}
		if (!"YELLOW".equals(trigger.level()) && !"RED".equals(trigger.level())) {
			add(path + ".level", "format", "YELLOW or RED");
		}
	}

	private void plausible(String path, Vital.Component component, Threshold t) {
		String[] names = { "redLow", "yellowLow", "yellowHigh", "redHigh" };
		BigDecimal[] values = { t.redLow(), t.yellowLow(), t.yellowHigh(), t.redHigh() };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null && !component.plausible(values[i])) {
				add(path + "." + names[i], "range", "Outside " + component.plausibleMin() + "–"
						+ component.plausibleMax() + " for " + component.display());
			}
		}
	}

	private void advice(String path, LocalizedText text) {
		if (text != null) {
			optionalText(path + ".nb", text.nb(), 2000);
			optionalText(path + ".en", text.en(), 2000);
		}
	}

	private void text(String path, String value, int max) {
		if (value == null || value.isBlank()) {
			add(path, "required", "Required");
		}
		else {
			optionalText(path, value, max);
		}
	}

	private void optionalText(String path, String value, int max) {
		if (value != null && value.length() > max) {
			add(path, "too-long", "At most " + max + " characters");
		}
	}

	private void add(String field, String code, String message) {
		this.problems.add(new FieldProblem(field, code, message));
	}

}
