package no.heima.export;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.fhirsync.PatientResource;
import no.heima.patient.Patient;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Turns what write-back would send into export lines: each resource gets a stable id, its
 * subject points at the exported Patient, and when pseudonymised every identifier is
 * replaced (national ids by a pseudonym under Heima's pseudonym system, Heima's own
 * record ids by a keyed hash, so links between the exported resources still hold), the
 * Patient keeps only its pseudonym and birth year.
 */
@Component
class BulkResources {

	private static final String NATIONAL_ID_SYSTEMS = "urn:oid:2.16.578.1.12.4.1.4.";

	private final HeimaUris uris;

	BulkResources(HeimaUris uris) {
		this.uris = uris;
	}

	/** The id the exported Patient has, which every other resource's subject names. */
	String patientId(Patient patient, Pseudonyms pseudonyms) {
		return (pseudonyms == null) ? patient.id().toString() : stableId(pseudonyms.of(patient.identifier().value()));
	}

	String patient(Patient patient, Pseudonyms pseudonyms) {
		org.hl7.fhir.r4.model.Patient resource;
		if (pseudonyms == null) {
			resource = PatientResource.of(patient.identifier().system(), patient.identifier().value(),
					patient.givenName(), patient.familyName(), patient.birthDate());
		}
		else {
			resource = new org.hl7.fhir.r4.model.Patient();
			resource.addIdentifier()
				.setSystem(this.uris.identifierSystem("pseudonym"))
				.setValue(pseudonyms.of(patient.identifier().value()));
			if (patient.birthDate() != null) {
				resource.setBirthDateElement(new DateType(Integer.toString(patient.birthDate().getYear())));
			}
		}
		resource.setId(patientId(patient, pseudonyms));
		return FhirJson.write(resource);
	}

	String resource(FhirOutboxMessage message, String patientId, Pseudonyms pseudonyms) {
		Resource resource = (Resource) FhirJson.context().newJsonParser().parseResource(message.resourceJson());
		if (pseudonyms != null) {
			for (Identifier identifier : FhirJson.context()
				.newTerser()
				.getAllPopulatedChildElementsOfType(resource, Identifier.class)) {
				pseudonymise(identifier, pseudonyms);
			}
		}
		if (resource.getNamedProperty("subject") != null) {
			resource.getNamedProperty("subject")
				.getValues()
				.stream()
				.filter(Reference.class::isInstance)
				.map(Reference.class::cast)
				.forEach((subject) -> subject.setReference("Patient/" + patientId));
		}
		Identifier first = (Identifier) resource.getNamedProperty("identifier")
			.getValues()
			.stream()
			.findFirst()
			.orElse(null);
		String key = (first != null) ? first.getSystem() + "|" + first.getValue() : message.identifierValue();
		resource.setId(stableId(message.resourceType() + "|" + key));
		return FhirJson.write(resource);
	}

	private void pseudonymise(Identifier identifier, Pseudonyms pseudonyms) {
		String system = identifier.getSystem();
		if (system != null && system.startsWith(NATIONAL_ID_SYSTEMS)) {
			identifier.setSystem(this.uris.identifierSystem("pseudonym"));
			identifier.setValue(pseudonyms.of(identifier.getValue()));
		}
		else if (identifier.hasValue()) {
			identifier.setValue(pseudonyms.of(system + "|" + identifier.getValue()));
		}
	}

	private static String stableId(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
