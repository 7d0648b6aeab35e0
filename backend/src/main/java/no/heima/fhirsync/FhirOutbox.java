package no.heima.fhirsync;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.heima.platform.SqlWrite;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
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

	/**
	 * The same rows as {@link #enqueueAll} in one insert, to run within the submission's
	 * one statement: in the given order (ids ascending, so a Questionnaire listed first
	 * is delivered before the response that refers to it), a row whose identifier and
	 * revision are already queued left out.
	 */
	public static SqlWrite enqueueWrite(List<FhirOutboxMessage> messages) {
		return new SqlWrite(
				"""
						insert into fhir_outbox (resource_type, identifier_system, identifier_value, revision, method, resource,
						  patient_system, patient_value, patient_given, patient_family, patient_birth_date)
						select type, system, value, revision, method, resource, psystem, pvalue, given, family, birth
						from unnest(cast(:types as text[]), cast(:systems as text[]), cast(:values as text[]),
						  cast(:revisions as int[]), cast(:methods as text[]), cast(:resources as text[]),
						  cast(:psystems as text[]), cast(:pvalues as text[]), cast(:givens as text[]), cast(:families as text[]),
						  cast(cast(:births as text[]) as date[]))
						  with ordinality as m(type, system, value, revision, method, resource, psystem, pvalue, given, family,
						  birth, position)
						order by position
						on conflict (identifier_system, identifier_value, revision) do nothing
						""",
				Map.ofEntries(Map.entry("types", column(messages, FhirOutboxMessage::resourceType)),
						Map.entry("systems", column(messages, FhirOutboxMessage::identifierSystem)),
						Map.entry("values", column(messages, FhirOutboxMessage::identifierValue)),
						Map.entry("revisions",
								Parameter
									.from(messages.stream().map(FhirOutboxMessage::revision).toArray(Integer[]::new))),
						Map.entry("methods", column(messages, (m) -> m.upsert() ? "UPSERT" : "CREATE")),
						Map.entry("resources", column(messages, FhirOutboxMessage::resourceJson)),
						Map.entry("psystems", column(messages, FhirOutboxMessage::patientSystem)),
						Map.entry("pvalues", column(messages, FhirOutboxMessage::patientValue)),
						Map.entry("givens", column(messages, FhirOutboxMessage::patientGiven)),
						Map.entry("families", column(messages, FhirOutboxMessage::patientFamily)),
						// as ISO text, cast in the statement (no driver codec needed for
						// a date array)
						Map.entry("births", column(messages,
								(m) -> (m.patientBirthDate() == null) ? null : m.patientBirthDate().toString()))));
	}

	private static Parameter column(List<FhirOutboxMessage> messages, Function<FhirOutboxMessage, String> value) {
		return Parameter.from(messages.stream().map(value).toArray(String[]::new));
	}

}
