package no.heima.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.TreeSet;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A summary as a FHIR R4 DocumentReference for the record: the PDF as its attachment
 * (with its size and SHA-1 hash, as FHIR asks), LOINC 34133-9 "Summary of episode note"
 * as its type, the period as its context. Its identifier is derived from the patient, the
 * period, the language and the teams, so making the same summary twice queues one
 * document, and write-back creates it conditionally on that identifier: once on the
 * server.
 */
@Component
class SummaryDocument {

	static final String LOINC = "http://loinc.org";

	static final String SUMMARY_NOTE = "34133-9";

	private final HeimaUris uris;

	SummaryDocument(HeimaUris uris) {
		this.uris = uris;
	}

	FhirOutboxMessage message(Patient patient, PatientSummary summary, java.util.List<String> teams, byte[] pdf) {
		DocumentReference doc = toFhir(patient, summary, teams, pdf);
		Identifier id = doc.getMasterIdentifier();
		return new FhirOutboxMessage("DocumentReference", id.getSystem(), id.getValue(), FhirJson.write(doc),
				patient.identifier().system(), patient.identifier().value(), patient.givenName(), patient.familyName(),
				patient.birthDate());
	}

	DocumentReference toFhir(Patient patient, PatientSummary summary, java.util.List<String> teams, byte[] pdf) {
		String key = patient.id() + "|" + summary.from() + "|" + summary.to() + "|" + summary.language() + "|"
				+ String.join(",", new TreeSet<>(teams));
		Identifier identifier = new Identifier().setSystem(this.uris.identifierSystem("patient-summary"))
			.setValue(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
		DocumentReference doc = new DocumentReference();
		doc.setMasterIdentifier(identifier);
		doc.addIdentifier(identifier.copy());
		doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		doc.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
		CodeableConcept type = new CodeableConcept();
		type.addCoding().setSystem(LOINC).setCode(SUMMARY_NOTE).setDisplay("Summary of episode note");
		doc.setType(type);
		doc.setSubject(new Reference().setIdentifier(
				new Identifier().setSystem(patient.identifier().system()).setValue(patient.identifier().value())));
		doc.setDate(Date.from(summary.madeAt()));
		doc.addAuthor().setDisplay(summary.madeBy());
		String title = new SummaryTexts(summary.language()).t("title");
		doc.setDescription(title);
		doc.getContext().setPeriod(new Period().setStart(Date.from(summary.from())).setEnd(Date.from(summary.to())));
		Attachment attachment = new Attachment().setContentType("application/pdf")
			.setLanguage(summary.language())
			.setData(pdf)
			.setSize(pdf.length)
			.setHash(sha1(pdf))
			.setTitle(title)
			.setCreationElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(summary.madeAt())));
		doc.addContent().setAttachment(attachment);
		return doc;
	}

	private static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
