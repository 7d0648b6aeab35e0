package no.heima.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.FhirValidation;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.NationalId;
import no.heima.patient.Patient;
import no.heima.questionnaire.Score;
import no.heima.triage.Assessment;
import no.heima.triage.Level;
import no.heima.triage.RuleVersion;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;

import org.junit.jupiter.api.Test;

/**
 * The QuestionnaireResponse and the score Observation Heima writes for a submitted PHQ-9
 * validate against FHIR R4 with no errors, as delivered (subject resolved to the server's
 * Patient).
 */
class ResponseFhirValidTest {

	@Test
	void itemsFlaggedForObservationExtractBecomeValidObservations() {
		Patient patient = new Patient(UUID.randomUUID(),
				new Patient.Identifier(NationalId.Kind.FNR.system(), "12837540028", NationalId.Kind.FNR), "Kari",
				"Nordvik", LocalDate.of(1975, 3, 12), null, null, "nb", List.of("hjerte"), 0, Instant.now());
		String questionnaire = """
				{"resourceType": "Questionnaire", "url": "https://heima.example/fhir/Questionnaire/pain", "version": "1",
				 "status": "active",
				 "item": [{"linkId": "pain", "type": "integer", "text": "Smerte 0-10",
				           "code": [{"system": "http://loinc.org", "code": "72514-3"}],
				           "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract",
				                          "valueBoolean": true}]},
				          {"linkId": "note", "type": "string", "text": "Annet"}]}
				""";
		String scored = """
				{"resourceType": "QuestionnaireResponse", "status": "completed",
				 "questionnaire": "https://heima.example/fhir/Questionnaire/pain|1", "authored": "2026-11-20T08:00:00Z",
				 "subject": {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "12837540028"}},
				 "item": [{"linkId": "pain", "answer": [{"valueInteger": 7}]},
				          {"linkId": "note", "answer": [{"valueString": "vondt i kneet"}]}]}
				""";
		SubmittedResponse submitted = new SubmittedResponse(UUID.randomUUID(), UUID.randomUUID(), "pain",
				LocalDate.of(2026, 11, 20), "https://heima.example/fhir/Questionnaire/pain|1",
				Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:00:02Z"), List.of(),
				new Assessment(Level.GREEN, List.of(), false, new RuleVersion(UUID.randomUUID(), 1, null, 0)), null);

		List<FhirOutboxMessage> messages = new ResponseFhirMapper(new HeimaUris("https://heima.example/fhir"))
			.toOutbox(submitted, scored, patient, questionnaire);

		assertThat(messages).extracting(FhirOutboxMessage::resourceType)
			.containsExactly("Questionnaire", "QuestionnaireResponse", "Observation");
		org.hl7.fhir.r4.model.Observation extracted = FhirJson.read(org.hl7.fhir.r4.model.Observation.class,
				messages.get(2).resourceJson());
		assertThat(extracted.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3");
		assertThat(extracted.getValueIntegerType().getValue()).isEqualTo(7);
		extracted.getSubject().setReference("Patient/1");
		assertThat(FhirValidation.errors(extracted)).isEmpty();
	}

	@Test
	void questionnaireResponseAndScoreObservationValidate() {
		Patient patient = new Patient(UUID.randomUUID(),
				new Patient.Identifier(NationalId.Kind.FNR.system(), "12837540028", NationalId.Kind.FNR), "Kari",
				"Nordvik", LocalDate.of(1975, 3, 12), null, null, "nb", List.of("hjerte"), 0, Instant.now());
		String scored = """
				{"resourceType": "QuestionnaireResponse", "status": "completed",
				 "questionnaire": "https://heima.example/fhir/Questionnaire/phq-9|1.0.0",
				 "authored": "2026-11-20T08:00:00Z",
				 "subject": {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "12837540028"}},
				 "item": [{"linkId": "phq9-1", "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA6569-3"}}]},
				          {"linkId": "phq9-total", "answer": [{"valueInteger": 13}]}]}
				""";
		SubmittedResponse submitted = new SubmittedResponse(UUID.randomUUID(), UUID.randomUUID(), "phq",
				LocalDate.of(2026, 11, 20), "https://heima.example/fhir/Questionnaire/phq-9|1.0.0",
				Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:00:02Z"),
				List.of(new Score("phq9-total", new BigDecimal("13"), "13", "44261-6")),
				new Assessment(Level.YELLOW, List.of(), true, new RuleVersion(UUID.randomUUID(), 1, null, 0)), null);

		List<FhirOutboxMessage> messages = new ResponseFhirMapper(new HeimaUris("https://heima.example/fhir"))
			.toOutbox(submitted, scored, patient);

		assertThat(messages).extracting(FhirOutboxMessage::resourceType)
			.containsExactly("QuestionnaireResponse", "Observation");
		for (FhirOutboxMessage message : messages) {
			DomainResource resource = (DomainResource) FhirJson.context()
				.newJsonParser()
				.parseResource(message.resourceJson());
			// as write-back delivers it: the subject resolved to the server's Patient
			Reference subject = (Reference) resource.getNamedProperty("subject").getValues().get(0);
			subject.setReference("Patient/1");
			List<String> errors = FhirValidation.errors(resource);
			assertThat(errors).as(message.resourceJson()).isEmpty();
		}
	}

	/**
	 * A calculated item with a LOINC code that the questionnaire also flags for
	 * extraction was written twice (score and extract); now once. Numbers with
	 * questionnaire-unit carry their UCUM unit; the questionnaire goes first, identified
	 * by url|version.
	 */
	@Test
	void oneObservationPerScoreUnitsFromQuestionnaireUnitAndTheQuestionnaireItself() throws Exception {
		Patient patient = new Patient(UUID.randomUUID(),
				new Patient.Identifier(NationalId.Kind.FNR.system(), "12837540028", NationalId.Kind.FNR), "Kari",
				"Nordvik", LocalDate.of(1975, 3, 12), null, null, "nb", List.of("hjerte"), 0, Instant.now());
		String questionnaire = new String(
				getClass().getResourceAsStream("/sdc/07-calculated-nb/questionnaire.json").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		String scored = """
				{"resourceType": "QuestionnaireResponse", "status": "completed",
				 "questionnaire": "https://heima.example/fhir/Questionnaire/sdc-07-calculated-nb|1.0.0",
				 "authored": "2026-11-20T08:00:00Z",
				 "subject": {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "12837540028"}},
				 "item": [{"linkId": "bmi-class", "answer": [{"valueString": "normal"}]},
				          {"linkId": "bmi", "answer": [{"valueDecimal": 22.9}]},
				          {"linkId": "weight", "answer": [{"valueDecimal": 70.0}]},
				          {"linkId": "height", "answer": [{"valueInteger": 175}]},
				          {"linkId": "activity-total", "answer": [{"valueInteger": 5}]}]}
				""";
		String extractAll = questionnaire.replace("\"item\": [", "\"item\": [")
			.replaceFirst("\"extension\": \\[",
					"\"extension\": [{\"url\": \"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract\", \"valueBoolean\": true},");
		SubmittedResponse submitted = new SubmittedResponse(UUID.randomUUID(), UUID.randomUUID(), "sdc7",
				LocalDate.of(2026, 11, 20), "https://heima.example/fhir/Questionnaire/sdc-07-calculated-nb|1.0.0",
				Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T08:00:02Z"),
				List.of(new Score("bmi", new BigDecimal("22.9"), "22.9", "39156-5"),
						new Score("activity-total", new BigDecimal("5"), "5", "89574-8")),
				new Assessment(Level.GREEN, List.of(), true, new RuleVersion(UUID.randomUUID(), 1, null, 0)), null);

		List<FhirOutboxMessage> messages = new ResponseFhirMapper(new HeimaUris("https://heima.example/fhir"))
			.toOutbox(submitted, scored, patient, extractAll);

		assertThat(messages.get(0).resourceType()).isEqualTo("Questionnaire");
		assertThat(messages.get(0).identifierValue())
			.isEqualTo("https://heima.example/fhir/Questionnaire/sdc-07-calculated-nb|1.0.0");
		List<org.hl7.fhir.r4.model.Observation> observations = messages.stream()
			.filter((m) -> m.resourceType().equals("Observation"))
			.map((m) -> FhirJson.read(org.hl7.fhir.r4.model.Observation.class, m.resourceJson()))
			.toList();
		// bmi and activity-total once each (scores), weight extracted; height has no code
		assertThat(observations).extracting((o) -> o.getCode().getCodingFirstRep().getCode())
			.containsExactlyInAnyOrder("39156-5", "89574-8", "29463-7");
		for (org.hl7.fhir.r4.model.Observation o : observations) {
			String code = o.getCode().getCodingFirstRep().getCode();
			if (!code.equals("89574-8")) {
				assertThat(o.getValueQuantity().getSystem()).as(code).isEqualTo("http://unitsofmeasure.org");
				assertThat(o.getValueQuantity().getCode()).as(code).isIn("kg/m2", "kg");
			}
			o.getSubject().setReference("Patient/1");
			assertThat(FhirValidation.errors(o)).as(code).isEmpty();
		}
	}

}
