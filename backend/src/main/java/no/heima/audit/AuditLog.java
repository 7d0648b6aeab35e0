package no.heima.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.heima.identity.CurrentUser;
import no.heima.platform.SqlWrite;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Appends audit entries, each with the purpose that follows from the actor's roles
 * ({@link AuditPurpose}). Callers run it inside their own transaction so an access and
 * its audit row commit (or fail) together.
 */
@Service
public class AuditLog {

	private static final String INSERT = """
			insert into audit_event
			  (actor_subject, actor_name, actor_roles, patient_id, action, resource, outcome, detail, purpose)
			values (:subject, :name, :roles, :patient, :action, :resource, :outcome, :detail, :purpose)
			""";

	private static final String INSERT_ALL = """
			insert into audit_event
			  (actor_subject, actor_name, actor_roles, patient_id, action, resource, outcome, detail, purpose)
			select * from unnest(cast(:subjects as text[]), cast(:names as text[]), cast(:roles as text[]), cast(:patients as uuid[]),
			  cast(:actions as text[]), cast(:resources as text[]), cast(:outcomes as text[]), cast(:details as text[]),
			  cast(:purposes as text[]))
			""";

	private final DatabaseClient db;

	AuditLog(DatabaseClient db) {
		this.db = db;
	}

	/** A successful access by {@code actor} to a patient's data. */
	public Mono<Void> success(CurrentUser actor, UUID patientId, AuditAction action, String resource, String detail) {
		return record(AuditEntry.of(actor, patientId, action, resource, AuditOutcome.SUCCESS, detail));
	}

	/**
	 * As {@link #success}, as a write to run within the caller's one statement (a
	 * submission's store, outbox and audit row go to the database together).
	 */
	public SqlWrite successWrite(CurrentUser actor, UUID patientId, AuditAction action, String resource,
			String detail) {
		AuditEntry entry = AuditEntry.of(actor, patientId, action, resource, AuditOutcome.SUCCESS, detail);
		java.util.Map<String, Parameter> values = new java.util.HashMap<>();
		values.put("subject", Parameter.from(entry.actorSubject()));
		values.put("roles", Parameter.from(entry.actorRoles()));
		values.put("action", Parameter.from(entry.action().name()));
		values.put("resource", Parameter.from(entry.resource()));
		values.put("outcome", Parameter.from(entry.outcome().name()));
		values.put("purpose", Parameter.from(AuditPurpose.of(entry.actorRoles()).name()));
		values.put("name", SqlWrite.value(entry.actorName(), String.class));
		values.put("patient", SqlWrite.value(entry.patientId(), UUID.class));
		values.put("detail", SqlWrite.value(entry.detail(), String.class));
		// a success needs no note in the request's AuditScope (it only tracks denials)
		return new SqlWrite(INSERT, values);
	}

	public Mono<Void> record(AuditEntry entry) {
		DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT)
			.bind("subject", entry.actorSubject())
			.bind("roles", entry.actorRoles())
			.bind("action", entry.action().name())
			.bind("resource", entry.resource())
			.bind("outcome", entry.outcome().name())
			.bind("purpose", AuditPurpose.of(entry.actorRoles()).name());
		spec = bindNullable(spec, "name", entry.actorName(), String.class);
		spec = bindNullable(spec, "patient", entry.patientId(), java.util.UUID.class);
		spec = bindNullable(spec, "detail", entry.detail(), String.class);
		return noted(List.of(entry)).then(spec.then());
	}

	/**
	 * Many entries in one statement (one row each), e.g. every patient on a listed page:
	 * one round trip instead of one per patient.
	 */
	public Mono<Void> recordAll(Collection<AuditEntry> entries) {
		return recordAll(entries, this.db);
	}

	/**
	 * As {@link #recordAll(Collection)}, on a connection pool of the caller's (the live
	 * worklist streams have their own, so their audit rows never wait behind requests).
	 */
	public Mono<Void> recordAll(Collection<AuditEntry> entries, DatabaseClient on) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		List<AuditEntry> all = List.copyOf(entries);
		return noted(all).then(on.sql(INSERT_ALL)
			.bind("subjects", column(all, AuditEntry::actorSubject))
			.bind("names", column(all, AuditEntry::actorName))
			.bind("roles", column(all, AuditEntry::actorRoles))
			.bind("patients", all.stream().map(AuditEntry::patientId).toArray(UUID[]::new))
			.bind("actions", column(all, (e) -> e.action().name()))
			.bind("resources", column(all, AuditEntry::resource))
			.bind("outcomes", column(all, (e) -> e.outcome().name()))
			.bind("details", column(all, AuditEntry::detail))
			.bind("purposes", column(all, (e) -> AuditPurpose.of(e.actorRoles()).name()))
			.then());
	}

	/** Tells the request's {@link AuditScope} (if any) what is being written. */
	private static Mono<Void> noted(List<AuditEntry> entries) {
		return Mono.deferContextual((context) -> {
			context.<AuditScope>getOrEmpty(AuditScope.class)
				.ifPresent((scope) -> entries.forEach((e) -> scope.recorded(e.outcome())));
			return Mono.empty();
		});
	}

	private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
		return entries.stream().map(value).toArray(String[]::new);
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
			String name, T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

}
