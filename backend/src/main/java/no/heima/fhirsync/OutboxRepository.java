package no.heima.fhirsync;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class OutboxRepository {

	/** Counts for metrics and the admin page. */
	record Stats(long pending, long parked, long oldestPendingSeconds) {
	}

	/**
	 * A parked or pending row as admins see it: no resource content (it is patient data).
	 */
	record Summary(long id, String resourceType, String identifier, String status, int attempts, String lastError,
			Instant createdAt, Instant nextAttemptAt) {
	}

	private final DatabaseClient db;

	OutboxRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Takes up to {@code limit} due rows for {@code lease}: SKIP LOCKED keeps concurrent
	 * workers on different rows, and the lease keeps them off rows being delivered after
	 * this commits.
	 */
	Flux<OutboxRow> claim(int limit, Duration lease) {
		return this.db
			.sql("""
					with due as (
					  select id from fhir_outbox
					  where status = 'PENDING' and next_attempt_at <= now()
					    and (leased_until is null or leased_until < now())
					    -- a later state of a resource waits until the earlier ones are delivered
					    and not exists (select 1 from fhir_outbox e where e.identifier_system = fhir_outbox.identifier_system
					                    and e.identifier_value = fhir_outbox.identifier_value and e.id < fhir_outbox.id)
					  order by id limit :limit
					  for update skip locked)
					update fhir_outbox o set leased_until = now() + make_interval(secs => :lease), attempts = o.attempts + 1
					from due where o.id = due.id
					returning o.*
					""")
			.bind("limit", limit)
			.bind("lease", (double) lease.toSeconds())
			.map(OutboxRepository::toRow)
			.all();
	}

	Mono<Void> delivered(OutboxRow row, String fhirId) {
		return this.db.sql("""
				insert into fhir_delivery (identifier_system, identifier_value, resource_type, fhir_id)
				values (:system, :value, :type, :fhirId)
				on conflict (identifier_system, identifier_value) do update set fhir_id = excluded.fhir_id,
				  delivered_at = now()
				""")
			.bind("system", row.identifierSystem())
			.bind("value", row.identifierValue())
			.bind("type", row.resourceType())
			.bind("fhirId", fhirId)
			.then()
			.then(this.db.sql("delete from fhir_outbox where id = :id").bind("id", row.id()).then());
	}

	Mono<Void> retryLater(OutboxRow row, Duration delay, String error) {
		return this.db.sql("""
				update fhir_outbox set leased_until = null, last_error = :error,
				  next_attempt_at = now() + make_interval(secs => :delay)
				where id = :id
				""")
			.bind("id", row.id())
			.bind("error", abbreviate(error))
			.bind("delay", delay.toMillis() / 1000.0)
			.then();
	}

	Mono<Void> park(OutboxRow row, String reason) {
		return this.db
			.sql("update fhir_outbox set status = 'PARKED', leased_until = null, last_error = :error where id = :id")
			.bind("id", row.id())
			.bind("error", abbreviate(reason))
			.then();
	}

	/** Puts a parked row back in line (after someone fixed the cause). */
	Mono<Long> retry(long id) {
		return this.db.sql("""
				update fhir_outbox set status = 'PENDING', next_attempt_at = now(), leased_until = null
				where id = :id and status = 'PARKED'
				""").bind("id", id).fetch().rowsUpdated();
	}

	Mono<Stats> stats() {
		return this.db
			.sql("""
					select count(*) filter (where status = 'PENDING') as pending,
					       count(*) filter (where status = 'PARKED') as parked,
					       coalesce(extract(epoch from now() - min(created_at) filter (where status = 'PENDING')), 0)::bigint
					         as oldest
					from fhir_outbox
					""")
			.map((row) -> new Stats(row.get("pending", Long.class), row.get("parked", Long.class),
					row.get("oldest", Long.class)))
			.one();
	}

	Flux<Summary> list(String status, int limit, long offset) {
		return this.db.sql("select * from fhir_outbox where status = :status order by id limit :limit offset :offset")
			.bind("status", status)
			.bind("limit", limit)
			.bind("offset", offset)
			.map((row) -> new Summary(row.get("id", Long.class), row.get("resource_type", String.class),
					row.get("identifier_system", String.class) + "|" + row.get("identifier_value", String.class),
					row.get("status", String.class), row.get("attempts", Integer.class),
					row.get("last_error", String.class), instant(row, "created_at"), instant(row, "next_attempt_at")))
			.all();
	}

	private static OutboxRow toRow(Readable row) {
		return new OutboxRow(row.get("id", Long.class), row.get("resource_type", String.class),
				row.get("identifier_system", String.class), row.get("identifier_value", String.class),
				row.get("resource", String.class), row.get("patient_system", String.class),
				row.get("patient_value", String.class), row.get("patient_given", String.class),
				row.get("patient_family", String.class), row.get("patient_birth_date", LocalDate.class),
				row.get("attempts", Integer.class), instant(row, "created_at"),
				"UPSERT".equals(row.get("method", String.class)));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return null;
		}
		return (text.length() > 2000) ? text.substring(0, 2000) + "…" : text;
	}

}
