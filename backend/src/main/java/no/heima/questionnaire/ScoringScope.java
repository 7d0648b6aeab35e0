package no.heima.questionnaire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The FHIRPath variables visible at one point of a questionnaire: SDC {@code variable}s
 * of the root and of each enclosing item, nearest first, plus {@code %questionnaire}.
 * Passed to the engine as its application context.
 */
final class ScoringScope {

	private final ScoringScope parent;

	private final Questionnaire questionnaire;

	private final Map<String, List<Base>> variables = new HashMap<>();

	private ScoringScope(ScoringScope parent, Questionnaire questionnaire) {
		this.parent = parent;
		this.questionnaire = questionnaire;
	}

	static ScoringScope root(Questionnaire questionnaire) {
		return new ScoringScope(null, questionnaire);
	}

	ScoringScope child() {
		return new ScoringScope(this, questionnaire);
	}

	void define(String name, List<Base> value) {
		variables.put(name, List.copyOf(value));
	}

	/** The value of {@code %name}, or null when no enclosing scope defines it. */
	List<Base> resolve(String name) {
		for (ScoringScope scope = this; scope != null; scope = scope.parent) {
			List<Base> value = scope.variables.get(name);
			if (value != null) {
				return value;
			}
		}
		return "questionnaire".equals(name) ? List.of(questionnaire) : null;
	}

}
