package no.heima.questionnaire;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Between FHIRPath results and answer values. R4 FHIRPath arithmetic on ordinal values
 * gives decimals (a total of 9 comes back as 9.0): an integer item always gets a
 * {@code valueInteger}, a result with a fraction rounded half up (a decimal in an integer
 * item would not be valid FHIR).
 */
final class AnswerValues {

	private AnswerValues() {
	}

	/**
	 * The answer value for an item of {@code type}, or null if the result does not fit.
	 */
	static Type of(Base value, QuestionnaireItemType type) {
		if (type == null) {
			return value instanceof Type typed ? typed.copy() : null;
		}
		return switch (type) {
			case INTEGER, DECIMAL -> {
				BigDecimal number = number(value);
				if (number == null) {
					yield null;
				}
				if (type == QuestionnaireItemType.DECIMAL) {
					yield new DecimalType(number);
				}
				// compare before rounding: setScale on 1e999999999 would exhaust memory
				yield number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? null
						: new IntegerType(number.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());
			}
			case STRING, TEXT -> value.isPrimitive() ? new StringType(value.primitiveValue()) : null;
			case BOOLEAN -> value instanceof BooleanType bool ? bool.copy() : null;
			default -> value instanceof Type typed ? typed.copy() : null;
		};
	}

	static Score score(QuestionnaireItemComponent definition, QuestionnaireResponseItemComponent instance) {
		String loinc = definition.getCode()
			.stream()
			.filter(code -> FhirUrls.LOINC.equals(code.getSystem()))
			.map(Coding::getCode)
			.findFirst()
			.orElse(null);
		if (!instance.hasAnswer() || instance.getAnswerFirstRep().getValue() == null) {
			return new Score(definition.getLinkId(), null, null, loinc);
		}
		Type value = instance.getAnswerFirstRep().getValue();
		BigDecimal number = number(value);
		String text = value instanceof Coding coding ? (coding.hasDisplay() ? coding.getDisplay() : coding.getCode())
				: value.primitiveValue();
		return new Score(definition.getLinkId(), number == null ? null : plain(number), text, loinc);
	}

	private static BigDecimal number(Base value) {
		if (value instanceof IntegerType integer && integer.getValue() != null) {
			return BigDecimal.valueOf(integer.getValue());
		}
		if (value instanceof DecimalType decimal) {
			return decimal.getValue();
		}
		if (value instanceof Quantity quantity) {
			return quantity.getValue();
		}
		return null;
	}

	/** 13.0 → 13 and 10 stays 10 (not 1E+1); 2.50 → 2.5. */
	static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
