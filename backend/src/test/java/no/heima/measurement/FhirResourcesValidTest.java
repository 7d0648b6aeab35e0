package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.FhirValidation;
import no.heima.fhir.HeimaUris;
import no.heima.patient.NationalId;
import no.heima.patient.Patient;
import no.heima.pathway.LocalizedText;
import no.heima.triage.Assessment;
import no.heima.triage.Level;
import no.heima.triage.RuleVersion;
import no.heima.vital.Vital;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Observation Heima writes for a measurement validates against FHIR R4 (and its
 * vital-signs profile) with no errors, as delivered (subject resolved to a Patient
 * reference).
 */
class FhirResourcesValidTest {

	private final ObservationMapper mapper = new ObservationMapper(new HeimaUris("https://heima.example/fhir"));

	private final Patient patient = new Patient(UUID.randomUUID(),
			new Patient.Identifier(NationalId.Kind.FNR.system(), "12837540028", NationalId.Kind.FNR), "Kari", "Nordvik",
			LocalDate.of(1975, 3, 12), null, null, "nb", List.of("hjerte"), 0, Instant.now());

	@ParameterizedTest
	@EnumSource(Vital.class)
	void observationsOfEveryVitalValidate(Vital vital) {
		List<EnteredValue> values = vital.components()
			.stream()
			.map((c) -> new EnteredValue(c.loinc(), c.plausibleMin().add(BigDecimal.ONE), c.unit()))
			.toList();
		Measurement m = new Measurement(UUID.randomUUID(), this.patient.id(), vital, values, values,
				Instant.parse("2026-11-20T07:30:00Z"), Instant.parse("2026-11-20T07:30:05Z"), UUID.randomUUID(), "a",
				"MANUAL", new Assessment(Level.YELLOW, List.of(), true, new RuleVersion(UUID.randomUUID(), 1, null, 0)),
				new LocalizedText("b", "e"));

		List<Observation> observations = this.mapper.toFhir(m, this.patient);

		assertThat(observations).hasSize((vital == Vital.BLOOD_PRESSURE) ? 2 : 1);
		for (Observation observation : observations) {
			// as write-back delivers it: the subject resolved to the server's Patient
			observation.setSubject(new Reference("Patient/1").setIdentifier(observation.getSubject().getIdentifier()));
			List<String> errors = FhirValidation.errors(observation);
			assertThat(errors).as(FhirJson.write(observation)).isEmpty();
		}
	}

}
