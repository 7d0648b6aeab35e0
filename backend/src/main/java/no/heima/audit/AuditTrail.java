package no.heima.audit;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Reads the audit trail: admins' searches, and a patient's own access log. Callers check
 * who may read what; this only queries.
 */
@Service
public class AuditTrail {

	private final DatabaseClient db;

	AuditTrail(DatabaseClient db) {
		this.db = db;
	}

	/** Rows matching {@code query}, newest first. */
	public Flux<AuditRecord> search(AuditQuery query) {
		List<String> where = new ArrayList<>();
		if (query.patient() != null) {
			where.add("patient_id = :patient");
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			where.add("(actor_subject = :actor or actor_name ilike :actorLike)");
		}
		if (query.from() != null) {
			where.add("occurred_at >= :from");
		}
		if (query.to() != null) {
			where.add("occurred_at < :to");
		}
		if (query.outcome() != null) {
			where.add("outcome = :outcome");
		}
		String sql = "select * from audit_event" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by occurred_at desc, id desc limit :limit offset :offset";
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql)
			.bind("limit", query.limit())
			.bind("offset", query.offset());
		if (query.patient() != null) {
			spec = spec.bind("patient", query.patient());
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			String actor = query.actor().strip();
			spec = spec.bind("actor", actor)
				.bind("actorLike", "%" + actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.from() != null) {
			spec = spec.bind("from", query.from().atOffset(java.time.ZoneOffset.UTC));
		}
		if (query.to() != null) {
			spec = spec.bind("to", query.to().atOffset(java.time.ZoneOffset.UTC));
		}
		if (query.outcome() != null) {
			spec = spec.bind("outcome", query.outcome().name());
		}
		return spec.map(AuditTrail::toRecord).all();
	}

	/**
	 * Who else touched a patient's data, newest first: every row about them except those
	 * the patient wrote themselves ({@code ownSubject}).
	 */
	public Flux<AuditRecord> accessLog(UUID patientId, String ownSubject, int limit) {
		return this.db
			.sql("select * from audit_event where patient_id = :patient and actor_subject <> :own"
					+ " order by occurred_at desc, id desc limit :limit")
			.bind("patient", patientId)
			.bind("own", ownSubject)
			.bind("limit", limit)
			.map(AuditTrail::toRecord)
			.all();
	}

	/** Rows from before purposes were stored get the one their roles imply. */
	private static String purpose(String stored, String roles) {
		return (stored != null) ? stored : AuditPurpose.of(roles).name();
	}

	private static AuditRecord toRecord(Readable row) {
		OffsetDateTime at = row.get("occurred_at", OffsetDateTime.class);
		return new AuditRecord(row.get("id", Long.class), (at != null) ? at.toInstant() : null,
				row.get("actor_subject", String.class), row.get("actor_name", String.class),
				row.get("actor_roles", String.class), row.get("patient_id", UUID.class),
				row.get("action", String.class), row.get("resource", String.class), row.get("outcome", String.class),
				row.get("detail", String.class),
				purpose(row.get("purpose", String.class), row.get("actor_roles", String.class)));
	}

}
