package no.heima.pathway;

import java.util.ArrayList;
import java.util.List;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;

/**
 * Publishing needs a decision for every activity: watched by a rule, or deliberately
 * collect-only with a reason. Without it a value nobody watches would quietly be stored
 * as "not assessed" while the patient may think someone looks at it.
 */
final class WatchCheck {

	private WatchCheck() {
	}

	/**
	 * One problem per activity that has no rule and no collect-only choice with a reason.
	 */
	static List<FieldProblem> unwatched(PathwayDefinition definition) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < definition.activities().size(); i++) {
			Activity a = definition.activities().get(i);
			if (a == null || a.hasRules()) {
				continue;
			}
			String path = "activities[" + i + "]";
			if (!a.collectOnly()) {
				problems.add(new FieldProblem(path + ".collectOnly", "unwatched", "'" + a.id()
						+ "' has no triage rule: add a bound, trend or answer trigger, or mark it collect-only with a reason"));
			}
			else if (blank(a.collectOnlyReason())) {
				problems.add(new FieldProblem(path + ".collectOnlyReason", "required",
						"'" + a.id() + "' is collect-only: say why it is not monitored"));
			}
		}
		return problems;
	}

	static HeimaProblemException refusal(PathwayDefinition definition, List<FieldProblem> problems) {
		List<String> ids = new ArrayList<>();
		for (FieldProblem p : problems) {
			String index = p.field().replaceAll("activities\\[(\\d+)].*", "$1");
			ids.add(definition.activities().get(Integer.parseInt(index)).id());
		}
		return new HeimaProblemException(ProblemType.UNWATCHED_ACTIVITY,
				"No triage rule and no collect-only choice for " + String.join(", ", ids)
						+ ": decide for each before publishing",
				problems);
	}

	private static boolean blank(LocalizedText text) {
		return text == null
				|| ((text.nb() == null || text.nb().isBlank()) && (text.en() == null || text.en().isBlank()));
	}

}
