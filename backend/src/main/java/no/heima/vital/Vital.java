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

	BLOOD_PRESSURE("85354-9", "Blood pressure panel", "mm[Hg]", new Names("Blodtrykk", "Blood pressure"),
			List.of(value("8480-6", "Systolic blood pressure", "mm[Hg]", "50", "300", "systolic", 0,
					new Names("Systolisk blodtrykk", "Systolic blood pressure")),
					value("8462-4", "Diastolic blood pressure", "mm[Hg]", "20", "200", "diastolic", 0,
							new Names("Diastolisk blodtrykk", "Diastolic blood pressure")),
					// taken by the same cuff; optional, written to FHIR as its own
					// heart-rate Observation
					new Component("8867-4", "Heart rate", "/min", new BigDecimal("20"), new BigDecimal("250"), false,
							"pulse", 0, new Names("Puls", "Pulse")))),
	HEART_RATE("8867-4", "Heart rate", "/min", new Names("Puls", "Pulse"),
			List.of(value("8867-4", "Heart rate", "/min", "20", "250", "heartRate", 0, new Names("Puls", "Pulse")))),
	OXYGEN_SATURATION("59408-5", "Oxygen saturation by pulse oximetry", "%",
			new Names("Oksygenmetning", "Oxygen saturation"),
			List.of(value("59408-5", "Oxygen saturation", "%", "50", "100", "oxygenSaturation", 0,
					new Names("Oksygenmetning", "Oxygen saturation")))),
	BODY_WEIGHT("29463-7", "Body weight", "kg", new Names("Vekt", "Weight"),
			List.of(value("29463-7", "Body weight", "kg", "1", "400", "bodyWeight", 1, new Names("Vekt", "Weight")))),
	BODY_TEMPERATURE("8310-5", "Body temperature", "Cel", new Names("Temperatur", "Temperature"),
			List.of(value("8310-5", "Body temperature", "Cel", "30", "45", "bodyTemperature", 1,
					new Names("Temperatur", "Temperature")))),
	RESPIRATORY_RATE("9279-1", "Respiratory rate", "/min", new Names("Respirasjonsfrekvens", "Respiratory rate"),
			List.of(value("9279-1", "Respiratory rate", "/min", "4", "80", "respiratoryRate", 0,
					new Names("Respirasjonsfrekvens", "Respiratory rate")))),
	BLOOD_GLUCOSE("14743-9", "Glucose in capillary blood by glucometer", "mmol/L",
			new Names("Blodsukker", "Blood glucose"), List.of(value("14743-9", "Blood glucose", "mmol/L", "0.5", "50",
					"bloodGlucose", 1, new Names("Blodsukker", "Blood glucose"))));

	/** A name in Norwegian bokmål and English, as people read it. */
	public record Names(String nb, String en) {
	}

	/**
	 * One value of a vital, with the range of input that is physically plausible.
	 *
	 * @param unit the UCUM unit of this value (differs from the vital's only for the
	 * pulse of a blood-pressure reading)
	 * @param key the value's name in the web apps' texts (e.g. {@code systolic}), which
	 * word it for their readers
	 * @param decimals how many decimals a person types (0 for pressures and counts)
	 * @param name the value's name in Norwegian and English
	 */
	public record Component(String loinc, String display, String unit, BigDecimal plausibleMin, BigDecimal plausibleMax,
			boolean required, String key, int decimals, Names name) {

		public boolean plausible(BigDecimal value) {
			return value.compareTo(this.plausibleMin) >= 0 && value.compareTo(this.plausibleMax) <= 0;
		}

	}

	private final String loinc;

	private final String display;

	private final String unit;

	private final Names names;

	private final List<Component> components;

	Vital(String loinc, String display, String unit, Names names, List<Component> components) {
		this.loinc = loinc;
		this.display = display;
		this.unit = unit;
		this.names = names;
		this.components = components;
	}

	/** A required component. */
	private static Component value(String loinc, String display, String unit, String min, String max, String key,
			int decimals, Names name) {
		return new Component(loinc, display, unit, new BigDecimal(min), new BigDecimal(max), true, key, decimals, name);
	}

	public String loinc() {
		return this.loinc;
	}

	public String display() {
		return this.display;
	}

	/** The vital's name in Norwegian and English. */
	public Names names() {
		return this.names;
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
