package no.heima.measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.vital.Vital;

/**
 * Checks the entered values of one vital and converts them to its units: every required
 * component present, no unknown ones, each unit convertible, each value plausible,
 * systolic above diastolic. Each rule fails with its own problem type.
 */
final class MeasurementValues {

	private static final int SCALE = 2;

	private MeasurementValues() {
	}

	static List<EnteredValue> normalise(Vital vital, List<EnteredValue> entered, Units units) {
		List<FieldProblem> missing = new ArrayList<>();
		// a code given twice is ambiguous: which one did the patient mean?
		entered.stream()
			.filter((v) -> v != null && v.code() != null)
			.collect(Collectors.groupingBy(EnteredValue::code, Collectors.counting()))
			.forEach((code, count) -> {
				if (count > 1) {
					missing.add(new FieldProblem("values." + code, "duplicate", "Given more than once"));
				}
			});
		Map<String, EnteredValue> byCode = entered.stream()
			.filter((v) -> v != null && v.code() != null)
			.collect(Collectors.toMap(EnteredValue::code, Function.identity(), (a, b) -> a));
		for (String code : byCode.keySet()) {
			if (vital.component(code).isEmpty()) {
				missing.add(new FieldProblem("values." + code, "unknown", "Not a value of " + vital));
			}
		}
		List<FieldProblem> unitProblems = new ArrayList<>();
		List<FieldProblem> implausible = new ArrayList<>();
		List<EnteredValue> normalised = new ArrayList<>();
		for (Vital.Component component : vital.components()) {
			EnteredValue value = byCode.get(component.loinc());
			if (value == null || value.value() == null) {
				if (component.required()) {
					missing.add(new FieldProblem("values." + component.loinc(), "required", component.display()));
				}
				continue;
			}
			java.util.Optional<BigDecimal> converted;
			try {
				converted = units.convert(value.value(), value.unit(), component.unit(), vital == Vital.BLOOD_GLUCOSE);
			}
			catch (Units.ConversionFailed ex) {
				// accepted as entered (the unit is right for the vital): triage skips it
				// and
				// the submission goes to a clinician as could-not-assess (see
				// unconverted)
				normalised.add(new EnteredValue(component.loinc(), value.value(), value.unit()));
				continue;
			}
			if (converted.isEmpty()) {
				unitProblems.add(new FieldProblem("values." + component.loinc() + ".unit", "unit",
						"'" + value.unit() + "' cannot be expressed in " + component.unit()));
				continue;
			}
			BigDecimal inUnit = plain(converted.get().setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros());
			// judged before rounding: 300.004 mm[Hg] is outside 50-300, not 300
			if (!component.plausible(converted.get()) || !component.plausible(inUnit)) {
				implausible.add(new FieldProblem("values." + component.loinc(), "range",
						component.display() + " must be between " + component.plausibleMin() + " and "
								+ component.plausibleMax() + " " + component.unit()));
			}
			normalised.add(new EnteredValue(component.loinc(), inUnit, component.unit()));
		}
		fail(ProblemType.VALIDATION, missing);
		fail(ProblemType.UNIT_MISMATCH, unitProblems);
		if (vital == Vital.BLOOD_PRESSURE && implausible.isEmpty() && unconverted(vital, normalised).isEmpty()) {
			BigDecimal systolic = value(normalised, "8480-6");
			BigDecimal diastolic = value(normalised, "8462-4");
			if (systolic.compareTo(diastolic) <= 0) {
				implausible.add(new FieldProblem("values.8480-6", "order",
						"The systolic (upper) pressure must be above the diastolic (lower)"));
			}
		}
		fail(ProblemType.IMPLAUSIBLE_VALUE, implausible);
		return normalised;
	}

	/** The values kept as entered because their unit could not be converted. */
	static List<EnteredValue> unconverted(Vital vital, List<EnteredValue> normalised) {
		return normalised.stream()
			.filter((v) -> vital.component(v.code()).map((c) -> !c.unit().equals(v.unit())).orElse(true))
			.toList();
	}

	/** 150, not 1.5E+2, when the value is written as JSON. */
	private static BigDecimal plain(BigDecimal value) {
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	private static BigDecimal value(List<EnteredValue> values, String code) {
		return values.stream().filter((v) -> v.code().equals(code)).findFirst().orElseThrow().value();
	}

	private static void fail(ProblemType type, List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new HeimaProblemException(type, problems.get(0).message(), problems);
		}
	}

}
