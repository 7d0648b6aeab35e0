package no.heima.vital;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The vitals a pathway can ask for, coded as the FHIR vital-signs profiles expect. Blood
 * pressure is a panel with two components; the others have one component with the vital's
 * own code.
 */
public enum Vital {

	BLOOD_PRESSURE("85354-9", "Blood pressure panel", "mm[Hg]",
			List.of(value("8480-6", "Systolic blood pressure", "mm[Hg]", "50", "300"),
					value("8462-4", "Diastolic blood pressure", "mm[Hg]", "20", "200"),
					// taken by the same cuff; optional, written to FHIR as its own
					// heart-rate Observation
					new Component("8867-4", "Heart rate", "/min", "20", "250", false))),
	HEART_RATE("8867-4", "Heart rate", "/min", List.of(value("8867-4", "Heart rate", "/min", "20", "250"))),
	OXYGEN_SATURATION("59408-5", "Oxygen saturation by pulse oximetry", "%",
			List.of(value("59408-5", "Oxygen saturation", "%", "50", "100"))),
	BODY_WEIGHT("29463-7", "Body weight", "kg", List.of(value("29463-7", "Body weight", "kg", "1", "400"))),
	BODY_TEMPERATURE("8310-5", "Body temperature", "Cel",
			List.of(value("8310-5", "Body temperature", "Cel", "30", "45"))),
	RESPIRATORY_RATE("9279-1", "Respiratory rate", "/min",
			List.of(value("9279-1", "Respiratory rate", "/min", "4", "80"))),
	BLOOD_GLUCOSE("14743-9", "Glucose in capillary blood by glucometer", "mmol/L",
			List.of(value("14743-9", "Blood glucose", "mmol/L", "0.5", "50")));

	/** One value of a vital, with the range of input that is physically plausible. */
	/**
	 * @param unit the UCUM unit of this value (differs from the vital's only for the
	 * pulse of a blood-pressure reading)
	 */
	public record Component(String loinc, String display, String unit, BigDecimal plausibleMin, BigDecimal plausibleMax,
			boolean required) {

		Component(String loinc, String display, String unit, String min, String max, boolean required) {
			this(loinc, display, unit, new BigDecimal(min), new BigDecimal(max), required);
		}

		public boolean plausible(BigDecimal value) {
			return value.compareTo(this.plausibleMin) >= 0 && value.compareTo(this.plausibleMax) <= 0;
		}

	}

	private final String loinc;

	private final String display;

	private final String unit;

	private final List<Component> components;

	Vital(String loinc, String display, String unit, List<Component> components) {
		this.loinc = loinc;
		this.display = display;
		this.unit = unit;
		this.components = components;
	}

	/** A required component in the vital's own unit. */
	private static Component value(String loinc, String display, String unit, String min, String max) {
		return new Component(loinc, display, unit, min, max, true);
	}

	public String loinc() {
		return this.loinc;
	}

	public String display() {
		return this.display;
	}

	/** The UCUM unit values are stored and compared in. */
	public String unit() {
		return this.unit;
	}

	public List<Component> components() {
		return this.components;
	}

	public Optional<Component> component(String loinc) {
		return this.components.stream().filter((c) -> c.loinc().equals(loinc)).findFirst();
	}

}
