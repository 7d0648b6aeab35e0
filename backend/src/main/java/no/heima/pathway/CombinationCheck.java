package no.heima.pathway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.heima.problem.FieldProblem;

/**
 * Checks the combination rules of a definition: each condition names an activity of the
 * pathway and, when it names a code, one the activity's own rules give reasons on (a
 * condition no rule can meet would never fire, silently).
 */
final class CombinationCheck {

	static final int MAX_CONDITIONS = 4;

	private final List<FieldProblem> problems = new ArrayList<>();

	private CombinationCheck() {
	}

	static List<FieldProblem> check(PathwayDefinition definition) {
		CombinationCheck check = new CombinationCheck();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < definition.combinations().size(); i++) {
			check.rule("combinations[" + i + "]", definition, definition.combinations().get(i), ids);
		}
		return List.copyOf(check.problems);
	}

	private void rule(String path, PathwayDefinition definition, CombinationRule rule, Set<String> ids) {
		if (rule == null) {
			add(path, "required", "Empty combination");
			return;
		}
		if (rule.id() == null || !rule.id().matches("[A-Za-z0-9-]{1,40}")) {
			add(path + ".id", "format", "1-40 letters, digits or dashes");
		}
		else if (!ids.add(rule.id())) {
			add(path + ".id", "duplicate", "Combination ids must be unique");
		}
		if (rule.conditions().size() < 2 || rule.conditions().size() > MAX_CONDITIONS) {
			add(path + ".conditions", "range", "Between 2 and " + MAX_CONDITIONS + " conditions");
		}
		for (int c = 0; c < rule.conditions().size(); c++) {
			condition(path + ".conditions[" + c + "]", definition, rule.conditions().get(c));
		}
		if (rule.withinDays() < 1 || rule.withinDays() > 60) {
			add(path + ".withinDays", "range", "Between 1 and 60 days");
		}
		if (!"YELLOW".equals(rule.level()) && !"RED".equals(rule.level())) {
			add(path + ".level", "format", "YELLOW or RED");
		}
		if (rule.description() != null) {
			length(path + ".description.nb", rule.description().nb());
			length(path + ".description.en", rule.description().en());
		}
	}

	private void condition(String path, PathwayDefinition definition, CombinationRule.Condition condition) {
		if (condition == null) {
			add(path, "required", "Empty condition");
			return;
		}
		var activity = definition.activityById(condition.activityId());
		if (activity.isEmpty()) {
			add(path + ".activityId", "unknown", "Not an activity of this pathway");
		}
		else if (!activity.get().hasRules()) {
			add(path + ".activityId", "unwatched", "'" + condition.activityId()
					+ "' has no rule, so it gives no signal: add a bound, trend or answer trigger to it first");
		}
		else if (condition.code() != null && !condition.code().isBlank()
				&& !codesOf(activity.get()).contains(condition.code())) {
			add(path + ".code", "unknown", "No rule of '" + condition.activityId() + "' is on " + condition.code()
					+ ": choose one of " + String.join(", ", codesOf(activity.get())));
		}
		if (condition.atLeast() != null && !"YELLOW".equals(condition.atLeast())
				&& !"RED".equals(condition.atLeast())) {
			add(path + ".atLeast", "format", "YELLOW or RED");
		}
	}

	/** The codes the activity's rules give reasons on. */
	static List<String> codesOf(Activity activity) {
		return Stream
			.of(activity.thresholds().stream().map((t) -> (t != null) ? t.code() : null),
					activity.trends().stream().map((t) -> (t != null) ? t.code() : null),
					activity.triggers().stream().map((t) -> (t != null) ? t.linkId() : null))
			.flatMap((s) -> s)
			.filter((code) -> code != null && !code.isBlank())
			.distinct()
			.toList();
	}

	private void length(String path, String text) {
		if (text != null && text.length() > 500) {
			add(path, "too-long", "At most 500 characters");
		}
	}

	private void add(String field, String code, String message) {
		this.problems.add(new FieldProblem(field, code, message));
	}

}
