package no.heima.response;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.OutboxMessage;
import no.heima.patient.Patient;
import no.heima.questionnaire.Score;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A submitted response as FHIR for write-back: the QuestionnaireResponse as scored by the
 * server, and one survey Observation per computed score that has a LOINC code (PHQ-9
 * total 44261-6, GAD-7 total 70274-6), derived from the response. Each carries a Heima
 * identifier to create it conditionally on.
 */
@Component
class ResponseFhirMapper {

	private final HeimaUris uris;

	ResponseFhirMapper(HeimaUris uris) {
		this.uris = uris;
	}

	List<OutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient) {
		List<OutboxMessage> messages = new ArrayList<>();
		QuestionnaireResponse response = FhirJson.read(QuestionnaireResponse.class, scoredJson);
		Identifier identifier = new Identifier().setSystem(this.uris.identifierSystem("questionnaire-response"))
			.setValue(submitted.id().toString());
		response.setIdentifier(identifier);
		response.setId((String) null);
		messages.add(message(patient, "QuestionnaireResponse", identifier, FhirJson.write(response)));
		for (Score score : submitted.scores()) {
			if (score.loinc() == null || score.value() == null) {
				continue;
			}
			Observation observation = new Observation();
			Identifier id = observation.addIdentifier()
				.setSystem(this.uris.identifierSystem("score"))
				.setValue(submitted.id() + "-" + score.linkId());
			observation.setStatus(Observation.ObservationStatus.FINAL);
			observation.addCategory(new CodeableConcept(
					new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
			observation.setCode(new CodeableConcept(new Coding("http://loinc.org", score.loinc(), null)));
			observation.setSubject(response.getSubject().copy());
			observation.setEffective(new DateTimeType(Date.from(submitted.authored())));
			observation.setValue(new IntegerType(score.value().intValueExact()));
			observation
				.addDerivedFrom(new Reference().setIdentifier(identifier.copy()).setType("QuestionnaireResponse"));
			messages.add(message(patient, "Observation", id, FhirJson.write(observation)));
		}
		return messages;
	}

	private static OutboxMessage message(Patient patient, String type, Identifier id, String json) {
		return new OutboxMessage(type, id.getSystem(), id.getValue(), json, patient.identifier().system(),
				patient.identifier().value(), patient.givenName(), patient.familyName(), patient.birthDate());
	}

}
