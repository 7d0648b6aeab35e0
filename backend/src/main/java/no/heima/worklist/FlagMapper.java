package no.heima.worklist;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A worklist item as a FHIR Flag on the patient's record: active while the item is open,
 * inactive (with the period's end) once resolved. Both states are written by conditional
 * update on the item's identifier, the resolved one strictly after the raised one.
 */
@Component
class FlagMapper {

	private final HeimaUris uris;

	FlagMapper(HeimaUris uris) {
		this.uris = uris;
	}

	FhirOutboxMessage raised(UUID itemId, String level, String summary, String patientSystem, String patientValue,
			Instant raisedAt) {
		return message(flag(itemId, level, summary, patientSystem, patientValue, raisedAt, null), itemId, patientSystem,
				patientValue, 0);
	}

	FhirOutboxMessage resolved(WorklistItem item, String patientSystem, String patientValue) {
		return message(flag(item.id(), item.level(), item.summary(), patientSystem, patientValue, item.raisedAt(),
				item.resolvedAt()), item.id(), patientSystem, patientValue, 1);
	}

	private Flag flag(UUID itemId, String level, String summary, String patientSystem, String patientValue,
			Instant start, Instant end) {
		Flag flag = new Flag();
		flag.addIdentifier().setSystem(this.uris.identifierSystem("worklist-item")).setValue(itemId.toString());
		flag.setStatus((end == null) ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
		flag.addCategory(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
		CodeableConcept code = new CodeableConcept(
				new Coding(this.uris.namespace() + "/CodeSystem/triage-level", level, level));
		code.setText(summary);
		flag.setCode(code);
		flag.setSubject(
				new Reference().setIdentifier(new Identifier().setSystem(patientSystem).setValue(patientValue)));
		Period period = new Period().setStart(Date.from(start));
		if (end != null) {
			period.setEnd(Date.from(end));
		}
		flag.setPeriod(period);
		return flag;
	}

	private FhirOutboxMessage message(Flag flag, UUID itemId, String patientSystem, String patientValue, int revision) {
		return FhirOutboxMessage.upsert("Flag", this.uris.identifierSystem("worklist-item"), itemId.toString(),
				FhirJson.write(flag), patientSystem, patientValue, revision);
	}

}
