package no.heima.measurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import no.heima.triage.Level;
import no.heima.vital.Vital;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A measurement as FHIR R4 Observations following the vital-signs profiles: blood
 * pressure as the 85354-9 panel with systolic and diastolic components (its pulse as its
 * own heart-rate Observation), the others with their LOINC code and UCUM unit; oxygen
 * saturation carries 2708-6 besides 59408-5, as the profile asks. Glucose has no
 * vital-signs profile and is filed as a laboratory result. The triage level travels as
 * the interpretation. Each Observation's identifier is the measurement's id, which
 * write-back creates conditionally on.
 */
@Component
class ObservationMapper {

	private static final String LOINC = "http://loinc.org";

	private static final String UCUM = "http://unitsofmeasure.org";

	private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

	private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

	private static final String PROFILES = "http://hl7.org/fhir/StructureDefinition/";

	private final HeimaUris uris;

	ObservationMapper(HeimaUris uris) {
		this.uris = uris;
	}

	List<FhirOutboxMessage> toOutbox(Measurement m, Patient patient) {
		List<FhirOutboxMessage> messages = new ArrayList<>();
		for (Observation observation : toFhir(m, patient)) {
			Identifier id = observation.getIdentifierFirstRep();
			messages.add(new FhirOutboxMessage("Observation", id.getSystem(), id.getValue(),
					FhirJson.write(observation), patient.identifier().system(), patient.identifier().value(),
					patient.givenName(), patient.familyName(), patient.birthDate()));
		}
		return messages;
	}

	List<Observation> toFhir(Measurement m, Patient patient) {
		List<Observation> result = new ArrayList<>();
		if (m.vital() == Vital.BLOOD_PRESSURE) {
			Observation panel = base(m, patient, m.id().toString(), "bp", Vital.BLOOD_PRESSURE);
			for (EnteredValue v : m.values()) {
				if (!v.code().equals("8867-4")) {
					panel.addComponent()
						.setCode(code(v.code(), Vital.BLOOD_PRESSURE.component(v.code()).orElseThrow().display()))
						.setValue(quantity(v.value(), v.unit()));
				}
			}
			result.add(panel);
			m.values().stream().filter((v) -> v.code().equals("8867-4")).findFirst().ifPresent((pulse) -> {
				Observation heartRate = base(m, patient, m.id() + "-heart-rate", "heartrate", Vital.HEART_RATE);
				heartRate.setValue(quantity(pulse.value(), pulse.unit()));
				result.add(heartRate);
			});
			return result;
		}
		Observation single = base(m, patient, m.id().toString(), profile(m.vital()), m.vital());
		single.setValue(quantity(m.values().get(0).value(), m.values().get(0).unit()));
		result.add(single);
		return result;
	}

	private Observation base(Measurement m, Patient patient, String identifier, String profile, Vital vital) {
		Observation o = new Observation();
		o.addIdentifier().setSystem(this.uris.identifierSystem("measurement")).setValue(identifier);
		o.setStatus(Observation.ObservationStatus.FINAL);
		if (profile != null) {
			o.getMeta().addProfile(PROFILES + profile);
			o.addCategory(category("vital-signs", "Vital Signs"));
		}
		else {
			o.addCategory(category("laboratory", "Laboratory"));
		}
		CodeableConcept code = code(vital.loinc(), vital.display());
		if (vital == Vital.OXYGEN_SATURATION) {
			code.addCoding(new Coding(LOINC, "2708-6", "Oxygen saturation in Arterial blood"));
		}
		o.setCode(code);
		o.setSubject(new Reference().setIdentifier(
				new Identifier().setSystem(patient.identifier().system()).setValue(patient.identifier().value())));
		o.setEffective(new DateTimeType(Date.from(m.measuredAt()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
				java.util.TimeZone.getTimeZone("UTC")));
		o.setIssuedElement(new InstantType(Date.from(m.receivedAt())));
		if (m.triage() != null && m.triage().assessed()) {
			o.addInterpretation(interpretation(m.triage().level()));
		}
		return o;
	}

	/** The vital-signs profile of a vital; null when it has none. */
	private static String profile(Vital vital) {
		return switch (vital) {
			case BLOOD_PRESSURE -> "bp";
			case HEART_RATE -> "heartrate";
			case OXYGEN_SATURATION -> "oxygensat";
			case BODY_WEIGHT -> "bodyweight";
			case BODY_TEMPERATURE -> "bodytemp";
			case RESPIRATORY_RATE -> "resprate";
			case BLOOD_GLUCOSE -> null;
		};
	}

	private static CodeableConcept interpretation(Level level) {
		return switch (level) {
			case GREEN -> new CodeableConcept(new Coding(INTERPRETATION, "N", "Normal"));
			case YELLOW -> new CodeableConcept(new Coding(INTERPRETATION, "A", "Abnormal"));
			case RED -> new CodeableConcept(new Coding(INTERPRETATION, "AA", "Critical abnormal"));
		};
	}

	private static CodeableConcept category(String code, String display) {
		return new CodeableConcept(new Coding(CATEGORY, code, display));
	}

	private static CodeableConcept code(String loinc, String display) {
		return new CodeableConcept(new Coding(LOINC, loinc, display));
	}

	private static Quantity quantity(BigDecimal value, String unit) {
		return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
	}

}
