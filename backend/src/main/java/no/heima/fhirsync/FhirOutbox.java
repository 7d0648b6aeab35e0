package no.heima.fhirsync;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The FHIR write-back outbox (not the patient app's offline queue): what other features
 * call to enqueue resources in their own transaction. Enqueuing the same business
 * identifier twice is a no-op, so a replayed submission cannot queue a second copy.
 */
@Service
public class FhirOutbox {

	private final DatabaseClient db;

	FhirOutbox(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> enqueue(FhirOutboxMessage m) {
		var spec = this.db
			.sql("""
					insert into fhir_outbox (resource_type, identifier_system, identifier_value, revision, method, resource,
					  patient_system, patient_value, patient_given, patient_family, patient_birth_date)
					values (:type, :system, :value, :revision, :method, :resource, :psystem, :pvalue, :given, :family, :birth)
					on conflict (identifier_system, identifier_value, revision) do nothing
					""")
			.bind("type", m.resourceType())
			.bind("system", m.identifierSystem())
			.bind("value", m.identifierValue())
			.bind("revision", m.revision())
			.bind("method", m.upsert() ? "UPSERT" : "CREATE")
			.bind("resource", m.resourceJson())
			.bind("psystem", m.patientSystem())
			.bind("pvalue", m.patientValue());
		spec = (m.patientGiven() == null) ? spec.bindNull("given", String.class) : spec.bind("given", m.patientGiven());
		spec = (m.patientFamily() == null) ? spec.bindNull("family", String.class)
				: spec.bind("family", m.patientFamily());
		spec = (m.patientBirthDate() == null) ? spec.bindNull("birth", LocalDate.class)
				: spec.bind("birth", m.patientBirthDate());
		return spec.then();
	}

	public Mono<Void> enqueueAll(Iterable<FhirOutboxMessage> messages) {
		return Flux.fromIterable(messages).concatMap(this::enqueue).then();
	}

}
