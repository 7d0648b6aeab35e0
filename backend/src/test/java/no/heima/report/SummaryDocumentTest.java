package no.heima.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.patient.Patient;
import no.heima.patient.NationalId;
import no.heima.testsupport.FhirValidation;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

/**
 * The summary as a DocumentReference: valid FHIR R4 (HAPI validator), the PDF with its
 * size and hash, the LOINC type, subject, date and period; the same summary gives the
 * same identifier, another language another.
 */
class SummaryDocumentTest {

	private final SummaryDocument document = new SummaryDocument(new HeimaUris("https://heima.example/fhir"));

	@Test
	void aValidDocumentWithThePdfAndAStableIdentifier() {
		PatientSummary summary = PatientSummaryPdfTest.generated("nb", new Random(7));
		byte[] pdf = { '%', 'P', 'D', 'F', '-', '1', '.', '7' };
		Patient patient = patient();

		DocumentReference doc = this.document.toFhir(patient, summary, List.of("hjerte"), pdf);
		String json = FhirJson.write(doc);
		DocumentReference read = FhirJson.read(DocumentReference.class, json);

		// HAPI's validator refuses "nb" though the languages binding is only preferred
		// (hapifhir/hapi-fhir#7959): that one false error aside, valid
		assertThat(FhirValidation.errors(read)).filteredOn((e) -> !e.contains("attachment.language")).isEmpty();
		assertThat(read.getType().getCodingFirstRep().getCode()).isEqualTo("34133-9");
		assertThat(read.getContentFirstRep().getAttachment().getData()).isEqualTo(pdf);
		assertThat(read.getContentFirstRep().getAttachment().getSize()).isEqualTo(pdf.length);
		assertThat(read.getContentFirstRep().getAttachment().getHash()).hasSize(20);
		assertThat(read.getAuthorFirstRep().getDisplay()).isEqualTo("Nina Berg");
		assertThat(read.getContext().getPeriod().getStart().toInstant()).isEqualTo(summary.from());
		assertThat(read.getSubject().getIdentifier().getValue()).isEqualTo("13920099971");

		String again = this.document.toFhir(patient, summary, List.of("hjerte"), pdf).getMasterIdentifier().getValue();
		String english = this.document
			.toFhir(patient, PatientSummaryPdfTest.generated("en", new Random(7)), List.of("hjerte"), pdf)
			.getMasterIdentifier()
			.getValue();
		assertThat(again).isEqualTo(read.getMasterIdentifier().getValue());
		assertThat(english).isNotEqualTo(again);
	}

	private static Patient patient() {
		return new Patient(UUID.randomUUID(),
				new Patient.Identifier("urn:oid:2.16.578.1.12.4.1.4.1", "13920099971", NationalId.Kind.FNR), "Kari",
				"Nordvik", LocalDate.of(1940, 12, 13), null, null, "nb", List.of("hjerte"), 1, null);
	}

}
