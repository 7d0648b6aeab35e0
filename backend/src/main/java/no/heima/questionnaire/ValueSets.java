package no.heima.questionnaire;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

/**
 * The value sets Heima expands itself: ValueSets contained in the questionnaire whose
 * {@code compose.include}s list their {@code concept}s (and whose excludes, if any, do
 * too). Anything else (an external canonical, a whole code system, a filter, an include
 * of another value set) would need a terminology server; such questionnaires are refused
 * at import, because accepting any Coding would let codes the form forbids reach the
 * record.
 */
final class ValueSets {

	/** A code of an expansion. */
	record Code(String system, String code) {
	}

	private ValueSets() {
	}

	/**
	 * The codes of {@code reference} ({@code #id} of a contained ValueSet, or its url),
	 * or empty when Heima cannot expand it.
	 */
	static Optional<Set<Code>> expand(Questionnaire questionnaire, String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		for (Resource contained : questionnaire.getContained()) {
			if (contained instanceof ValueSet valueSet && refersTo(valueSet, reference)) {
				return expand(valueSet);
			}
		}
		return Optional.empty();
	}

	private static boolean refersTo(ValueSet valueSet, String reference) {
		String id = valueSet.getIdElement().getIdPart();
		return (reference.startsWith("#") && reference.substring(1).equals(id))
				|| (valueSet.hasUrl() && reference.equals(valueSet.getUrl()));
	}

	private static Optional<Set<Code>> expand(ValueSet valueSet) {
		if (!valueSet.hasCompose() || !valueSet.getCompose().hasInclude()) {
			return Optional.empty();
		}
		Set<Code> codes = new LinkedHashSet<>();
		for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
			if (!enumerated(include)) {
				return Optional.empty();
			}
			include.getConcept().forEach((c) -> codes.add(new Code(include.getSystem(), c.getCode())));
		}
		for (ConceptSetComponent exclude : valueSet.getCompose().getExclude()) {
			if (!enumerated(exclude)) {
				return Optional.empty();
			}
			exclude.getConcept().forEach((c) -> codes.remove(new Code(exclude.getSystem(), c.getCode())));
		}
		return Optional.of(Set.copyOf(codes));
	}

	private static boolean enumerated(ConceptSetComponent part) {
		return part.hasSystem() && part.hasConcept() && !part.hasFilter() && !part.hasValueSet();
	}

}
