package no.heima.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Appends audit entries. Callers run it inside their own transaction so an access and its
 * audit row commit (or fail) together.
 */
@Service
public class AuditLog {

	private static final String INSERT = """
			insert into audit_event
			  (actor_subject, actor_name, actor_roles, patient_id, action, resource, outcome, detail)
			values (:subject, :name, :roles, :patient, :action, :resource, :outcome, :detail)
			""";

	private static final String INSERT_ALL = """
			insert into audit_event
			  (actor_subject, actor_name, actor_roles, patient_id, action, resource, outcome, detail)
			select * from unnest(cast(:subjects as text[]), cast(:names as text[]), cast(:roles as text[]), cast(:patients as uuid[]),
			  cast(:actions as text[]), cast(:resources as text[]), cast(:outcomes as text[]), cast(:details as text[]))
			""";

	private final DatabaseClient db;

	AuditLog(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> record(AuditEntry entry) {
		DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT)
			.bind("subject", entry.actorSubject())
			.bind("roles", entry.actorRoles())
			.bind("action", entry.action().name())
			.bind("resource", entry.resource())
			.bind("outcome", entry.outcome().name());
		spec = bindNullable(spec, "name", entry.actorName(), String.class);
		spec = bindNullable(spec, "patient", entry.patientId(), java.util.UUID.class);
		spec = bindNullable(spec, "detail", entry.detail(), String.class);
		return spec.then();
	}

	/**
	 * Many entries in one statement (one row each), e.g. every patient on a listed page:
	 * one round trip instead of one per patient.
	 */
	public Mono<Void> recordAll(Collection<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		List<AuditEntry> all = List.copyOf(entries);
		return db.sql(INSERT_ALL)
			.bind("subjects", column(all, AuditEntry::actorSubject))
			.bind("names", column(all, AuditEntry::actorName))
			.bind("roles", column(all, AuditEntry::actorRoles))
			.bind("patients", all.stream().map(AuditEntry::patientId).toArray(UUID[]::new))
			.bind("actions", column(all, (e) -> e.action().name()))
			.bind("resources", column(all, AuditEntry::resource))
			.bind("outcomes", column(all, (e) -> e.outcome().name()))
			.bind("details", column(all, AuditEntry::detail))
			.then();
	}

	private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
		return entries.stream().map(value).toArray(String[]::new);
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
			String name, T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

}
