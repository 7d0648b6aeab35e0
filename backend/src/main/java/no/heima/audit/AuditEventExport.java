package no.heima.audit;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import no.heima.fhir.HeimaUris;

/**
 * Audit rows as FHIR R4 AuditEvents (the RESTful-operation event type), so an auditor's
 * tools read Heima's trail like any FHIR server's: who (agent), what (entity: the
 * patient), when, the outcome, and why (purposeOfEvent).
 */
public final class AuditEventExport {

	static final String EVENT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-event-type";

	static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";

	static final String SOURCE_TYPES = "http://terminology.hl7.org/CodeSystem/security-source-type";

	static final String ENTITY_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

	static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";

	private AuditEventExport() {
	}

	public static AuditEvent toFhir(AuditRecord row, HeimaUris uris) {
		AuditEvent event = new AuditEvent();
		event.setId(String.valueOf(row.id()));
		event.setType(new Coding(EVENT_TYPES, "rest", "RESTful Operation"));
		event.addSubtype(interaction(row.action()));
		event.setAction(switch (row.action()) {
			case "CREATE" -> AuditEvent.AuditEventAction.C;
			case "UPDATE" -> AuditEvent.AuditEventAction.U;
			case "SEARCH" -> AuditEvent.AuditEventAction.E;
			default -> AuditEvent.AuditEventAction.R;
		});
		event.setRecorded(Date.from(row.occurredAt()));
		boolean denied = AuditOutcome.DENIED.name().equals(row.outcome());
		event.setOutcome(denied ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._0);
		if (row.detail() != null) {
			event.setOutcomeDesc(row.detail());
		}
		AuditPurpose purpose = AuditPurpose.valueOf(row.purpose());
		event
			.addPurposeOfEvent(new CodeableConcept(new Coding(AuditPurpose.SYSTEM, purpose.name(), purpose.display())));
		AuditEvent.AuditEventAgentComponent agent = event.addAgent();
		agent.setRequestor(true);
		agent.setWho(new Reference()
			.setIdentifier(new Identifier().setSystem(uris.identifierSystem("user")).setValue(row.actorSubject()))
			.setDisplay(row.actorName()));
		agent.setName(row.actorName());
		agent.addRole(new CodeableConcept().setText(row.actorRoles()));
		event.getSource()
			.setObserver(new Reference().setDisplay("Heima"))
			.addType(new Coding(SOURCE_TYPES, "4", "Application Server"));
		if (row.patientId() != null) {
			AuditEvent.AuditEventEntityComponent entity = event.addEntity();
			entity.setWhat(new Reference().setType("Patient")
				.setIdentifier(new Identifier().setSystem(uris.identifierSystem("patient"))
					.setValue(row.patientId().toString())));
			entity.setType(new Coding(ENTITY_TYPES, "1", "Person"));
			entity.setRole(new Coding(OBJECT_ROLES, "1", "Patient"));
		}
		AuditEvent.AuditEventEntityComponent accessed = event.addEntity();
		accessed.setType(new Coding(ENTITY_TYPES, "2", "System Object"));
		accessed.setName(row.resource());
		return event;
	}

	/** A searchset Bundle of the rows, in the order given. */
	public static Bundle bundle(List<AuditRecord> rows, HeimaUris uris) {
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.SEARCHSET);
		bundle.setTotal(rows.size());
		for (AuditRecord row : rows) {
			bundle.addEntry()
				.setFullUrl(uris.canonical("AuditEvent", String.valueOf(row.id())))
				.setResource(toFhir(row, uris));
		}
		return bundle;
	}

	private static Coding interaction(String action) {
		return switch (action) {
			case "CREATE" -> new Coding(INTERACTIONS, "create", "create");
			case "UPDATE" -> new Coding(INTERACTIONS, "update", "update");
			case "SEARCH" -> new Coding(INTERACTIONS, "search-type", "search type");
			default -> new Coding(INTERACTIONS, "read", "read");
		};
	}

}
