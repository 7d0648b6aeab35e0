package no.heima.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * The limits a questionnaire puts on one answer's value:
 * {@code minValue}/{@code maxValue} (integer, decimal, date, dateTime, time), SDC
 * {@code minQuantity}/{@code maxQuantity} and {@code unitOption},
 * {@code maxDecimalPlaces}, {@code maxLength}/{@code minLength}, {@code regex} (the whole
 * value must match). Each check answers the broken constraint and its limit as the
 * questionnaire writes it, or null.
 */
final class ValueLimits {

	/** A broken limit. */
	record Broken(ProblemType type, String limit) {
	}

	/**
	 * Patterns are the form author's; answers longer than this are not matched (a
	 * pathological pattern on a long text could run for minutes).
	 */
	private static final int MAX_REGEX_INPUT = 10_000;

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private ValueLimits() {
	}

	static Broken check(QuestionnaireItemComponent item, Type value) {
		if (value instanceof Quantity quantity) {
			return quantity(item, quantity);
		}
		Broken broken = range(item, value);
		if (broken == null && value instanceof DecimalType decimal && item.hasExtension(FhirUrls.MAX_DECIMAL_PLACES)) {
			Integer places = integer(item.getExtensionByUrl(FhirUrls.MAX_DECIMAL_PLACES));
			BigDecimal number = decimal.getValue();
			if (places != null && number != null && Math.max(0, number.stripTrailingZeros().scale()) > places) {
				broken = new Broken(ProblemType.ANSWER_TOO_MANY_DECIMALS, String.valueOf(places));
			}
		}
		if (broken == null && value instanceof StringType text && text.getValue() != null) {
			broken = text(item, text.getValue());
		}
		return broken;
	}

	private static Broken range(QuestionnaireItemComponent item, Type value) {
		Extension min = item.getExtensionByUrl(FhirUrls.MIN_VALUE);
		Extension max = item.getExtensionByUrl(FhirUrls.MAX_VALUE);
		if (min != null && min.getValue() != null) {
			Integer sign = compare(value, min.getValue());
			if (sign != null && sign < 0) {
				return new Broken(ProblemType.ANSWER_BELOW_MIN, min.getValue().primitiveValue());
			}
		}
		if (max != null && max.getValue() != null) {
			Integer sign = compare(value, max.getValue());
			if (sign != null && sign > 0) {
				return new Broken(ProblemType.ANSWER_ABOVE_MAX, max.getValue().primitiveValue());
			}
		}
		return null;
	}

	private static Broken quantity(QuestionnaireItemComponent item, Quantity answer) {
		Quantity min = quantityOf(item.getExtensionByUrl(FhirUrls.MIN_QUANTITY));
		Quantity max = quantityOf(item.getExtensionByUrl(FhirUrls.MAX_QUANTITY));
		List<String> units = item.getExtensionsByUrl(FhirUrls.UNIT_OPTION)
			.stream()
			.filter((e) -> e.getValue() instanceof org.hl7.fhir.r4.model.Coding)
			.map((e) -> ((org.hl7.fhir.r4.model.Coding) e.getValue()).getCode())
			.toList();
		if (units.isEmpty()) {
			units = java.util.stream.Stream.of(min, max)
				.filter(Objects::nonNull)
				.map(Quantity::getCode)
				.filter(Objects::nonNull)
				.distinct()
				.toList();
		}
		if (!units.isEmpty() && !units.contains(answer.getCode())) {
			return new Broken(ProblemType.ANSWER_UNIT, String.join(", ", units));
		}
		if (answer.getValue() == null) {
			return null;
		}
		if (min != null && Objects.equals(min.getCode(), answer.getCode())
				&& answer.getValue().compareTo(min.getValue()) < 0) {
			return new Broken(ProblemType.ANSWER_BELOW_MIN, show(min));
		}
		if (max != null && Objects.equals(max.getCode(), answer.getCode())
				&& answer.getValue().compareTo(max.getValue()) > 0) {
			return new Broken(ProblemType.ANSWER_ABOVE_MAX, show(max));
		}
		return null;
	}

	private static Broken text(QuestionnaireItemComponent item, String text) {
		int length = text.codePointCount(0, text.length());
		if (item.hasMaxLength() && length > item.getMaxLength()) {
			return new Broken(ProblemType.ANSWER_TOO_LONG, String.valueOf(item.getMaxLength()));
		}
		Integer minLength = integer(item.getExtensionByUrl(FhirUrls.MIN_LENGTH));
		if (minLength != null && length < minLength) {
			return new Broken(ProblemType.ANSWER_TOO_SHORT, String.valueOf(minLength));
		}
		Extension regex = item.getExtensionByUrl(FhirUrls.REGEX);
		if (regex != null && regex.getValue() != null && regex.getValue().primitiveValue() != null) {
			String source = regex.getValue().primitiveValue();
			Pattern pattern = pattern(source);
			if (pattern != null && (text.length() > MAX_REGEX_INPUT || !pattern.matcher(text).matches())) {
				return new Broken(ProblemType.ANSWER_PATTERN, source);
			}
		}
		return null;
	}

	private static Pattern pattern(String source) {
		try {
			return PATTERNS.computeIfAbsent(source, Pattern::compile);
		}
		catch (PatternSyntaxException ex) {
			// A pattern Java cannot read constrains nothing it can check.
			return null;
		}
	}

	/** Sign of value - limit, or null when they do not compare. */
	private static Integer compare(Type value, Type limit) {
		BigDecimal x = number(value);
		BigDecimal y = number(limit);
		if (x != null && y != null) {
			return x.compareTo(y);
		}
		if (value instanceof BaseDateTimeType a && limit instanceof BaseDateTimeType b && a.getValue() != null
				&& b.getValue() != null) {
			return a.getValue().compareTo(b.getValue());
		}
		if (value instanceof TimeType a && limit instanceof TimeType b && a.getValue() != null
				&& b.getValue() != null) {
			return a.getValue().compareTo(b.getValue());
		}
		return null;
	}

	private static BigDecimal number(Type value) {
		if (value instanceof IntegerType i && i.getValue() != null) {
			return BigDecimal.valueOf(i.getValue());
		}
		if (value instanceof DecimalType d) {
			return d.getValue();
		}
		return null;
	}

	private static Integer integer(Extension extension) {
		if (extension != null && extension.getValue() instanceof IntegerType i) {
			return i.getValue();
		}
		return null;
	}

	private static Quantity quantityOf(Extension extension) {
		return extension != null && extension.getValue() instanceof Quantity q && q.getValue() != null ? q : null;
	}

	private static String show(Quantity quantity) {
		String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
		return AnswerValues.plain(quantity.getValue()).toPlainString() + (unit == null ? "" : " " + unit);
	}

	static String primitive(Type value) {
		return value instanceof PrimitiveType<?> p ? p.getValueAsString() : null;
	}

}
