package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.FhirValidation;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;

import org.hl7.fhir.r4.model.Flag;
import org.junit.jupiter.api.Test;

/** The Flag written for a worklist item validates against FHIR R4, open and resolved. */
class FlagValidTest {

	@Test
	void openAndResolvedFlagsValidate() {
		FlagMapper mapper = new FlagMapper(new HeimaUris("https://heima.example/fhir"));
		UUID id = UUID.randomUUID();
		Instant raised = Instant.parse("2026-11-20T07:00:00Z");
		FhirOutboxMessage open = mapper.raised(id, "RED", "Blood pressure panel: 182 / 110 mm[Hg]",
				"urn:oid:2.16.578.1.12.4.1.4.1", "12837540028", raised);
		WorklistItem item = new WorklistItem(id, UUID.randomUUID(), "Kari Nordvik", UUID.randomUUID(), "hjerte",
				"MEASUREMENT", "m", "bp", "RED", "Blood pressure panel: 182 / 110 mm[Hg]", "{}", raised,
				raised.plusSeconds(7200), false, "RESOLVED", "s", "Nina Berg", raised, null, raised.plusSeconds(1800),
				"Nina Berg", "CALLED_PATIENT", "ok", null, 2);
		FhirOutboxMessage resolved = mapper.resolved(item, "urn:oid:2.16.578.1.12.4.1.4.1", "12837540028");

		assertThat(resolved.revision()).isGreaterThan(open.revision());
		for (FhirOutboxMessage message : List.of(open, resolved)) {
			Flag flag = FhirJson.read(Flag.class, message.resourceJson());
			flag.getSubject().setReference("Patient/1");
			List<String> errors = FhirValidation.errors(flag);
			assertThat(errors).as(message.resourceJson()).isEmpty();
		}
		assertThat(FhirJson.read(Flag.class, resolved.resourceJson()).getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
	}

}
