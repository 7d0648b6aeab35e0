package no.heima.patient;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code patient_access_request}. */
@Repository
class AccessRequestRepository {

	private final DatabaseClient db;

	AccessRequestRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> insert(UUID id, String identifier, UUID patientId, String team, String subject, String name,
			String reason) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into patient_access_request
				  (id, identifier_value, patient_id, requesting_team, requested_by, requested_by_name, reason)
				values (:id, :identifier, :patient, :team, :subject, :name, :reason)
				""").bind("id", id).bind("identifier", identifier).bind("team", team).bind("subject", subject);
		spec = (patientId != null) ? spec.bind("patient", patientId) : spec.bindNull("patient", UUID.class);
		spec = (name != null) ? spec.bind("name", name) : spec.bindNull("name", String.class);
		spec = (reason != null) ? spec.bind("reason", reason) : spec.bindNull("reason", String.class);
		return spec.then();
	}

	/** Pending requests for patients one of {@code teams} follows, oldest first. */
	Flux<AccessRequest> pendingFor(List<String> teams) {
		return this.db.sql("""
				select r.*, p.given_name || ' ' || p.family_name as patient_name
				from patient_access_request r join patient p on p.id = r.patient_id
				where r.status = 'PENDING'
				  and exists (select 1 from patient_team t where t.patient_id = r.patient_id and t.team = any(:teams))
				order by r.created_at, r.id limit 200
				""").bind("teams", teams.toArray(String[]::new)).map(AccessRequestRepository::toRequest).all();
	}

	Mono<AccessRequest> findPending(UUID id) {
		return this.db.sql("""
				select r.*, p.given_name || ' ' || p.family_name as patient_name
				from patient_access_request r join patient p on p.id = r.patient_id
				where r.id = :id and r.status = 'PENDING'
				""").bind("id", id).map(AccessRequestRepository::toRequest).one();
	}

	Mono<Long> decide(UUID id, String status, String subject, String name) {
		return this.db.sql("""
				update patient_access_request set status = :status, decided_by = :subject,
				  decided_by_name = :name, decided_at = now()
				where id = :id and status = 'PENDING'
				""")
			.bind("id", id)
			.bind("status", status)
			.bind("subject", subject)
			.bind("name", (name != null) ? name : subject)
			.fetch()
			.rowsUpdated();
	}

	Mono<Void> addTeam(UUID patientId, String team) {
		return this.db
			.sql("insert into patient_team (patient_id, team) values (:patient, :team) on conflict do nothing")
			.bind("patient", patientId)
			.bind("team", team)
			.then();
	}

	private static AccessRequest toRequest(Readable row) {
		OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
		return new AccessRequest(row.get("id", UUID.class), row.get("patient_id", UUID.class),
				row.get("patient_name", String.class), row.get("requesting_team", String.class),
				row.get("requested_by_name", String.class), row.get("reason", String.class),
				row.get("status", String.class), (created != null) ? created.toInstant() : null);
	}

}
