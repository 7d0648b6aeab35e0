package no.heima.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode.CollectionStatus;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * What Heima adds to HAPI's R4 FHIRPath engine: SDC variables and {@code %questionnaire}
 * (from the {@link ScoringScope} passed as application context), and the functions SDC
 * forms use that the R4 engine lacks: {@code sum()} and {@code ordinal()} /
 * {@code weight()} (the ordinalValue or itemWeight of a Coding; the scorer puts the
 * questionnaire's value on every answer Coding first).
 */
final class ScoringFunctions implements IHostApplicationServices {

	private static final Set<String> FUNCTIONS = Set.of("sum", "ordinal", "weight");

	@Override
	public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		// The engine asks here first for every %constant (resource, context too) and
		// needs a
		// list back: empty means "not mine".
		if (mode != FHIRPathConstantEvaluationMode.EXPLICIT || !(appContext instanceof ScoringScope scope)) {
			return List.of();
		}
		List<Base> value = scope.resolve(name);
		return value == null ? List.of() : value;
	}

	@Override
	public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		return null;
	}

	@Override
	public boolean log(String argument, List<Base> focus) {
		return false;
	}

	@Override
	public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
		return FUNCTIONS.contains(functionName) ? new FunctionDetails(functionName, 0, 0) : null;
	}

	@Override
	public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName, TypeDetails focus,
			List<TypeDetails> parameters) {
		return new TypeDetails(CollectionStatus.SINGLETON, TypeDetails.FP_Decimal);
	}

	@Override
	public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus, String functionName,
			List<List<Base>> parameters) {
		return "sum".equals(functionName) ? sum(focus) : ordinals(focus);
	}

	@Override
	public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
		return null;
	}

	@Override
	public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url) {
		throw new FHIRException("conformsTo() is not supported here");
	}

	@Override
	public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
		return null;
	}

	@Override
	public boolean paramIsType(String name, int index) {
		return false;
	}

	/** The sum of numbers; integers stay integers; the sum of nothing is 0. */
	private static List<Base> sum(List<Base> focus) {
		BigDecimal total = BigDecimal.ZERO;
		boolean integers = true;
		for (Base item : focus) {
			if (item instanceof IntegerType integer) {
				total = total.add(BigDecimal.valueOf(integer.getValue()));
			}
			else if (item instanceof DecimalType decimal) {
				total = total.add(decimal.getValue());
				integers = false;
			}
			else {
				throw new FHIRException("sum() needs numbers, found " + item.fhirType());
			}
		}
		return List.of(integers ? new IntegerType(total.intValueExact()) : new DecimalType(total));
	}

	private static List<Base> ordinals(List<Base> focus) {
		List<Base> values = new ArrayList<>();
		for (Base item : focus) {
			if (item instanceof Coding coding) {
				Extension extension = coding.getExtensionByUrl(FhirUrls.ORDINAL_VALUE);
				if (extension == null) {
					extension = coding.getExtensionByUrl(FhirUrls.ITEM_WEIGHT);
				}
				if (extension != null && extension.getValue() != null) {
					values.add(extension.getValue());
				}
			}
		}
		return values;
	}

}
