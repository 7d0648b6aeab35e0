package no.heima.audit;

import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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

	public Mono<Void> recordAll(Collection<AuditEntry> entries) {
		return Flux.fromIterable(entries).concatMap(this::record).then();
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
			String name, T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

}
