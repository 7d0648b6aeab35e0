package no.heima.fhirsync;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

	OutboxRepository(OutboxDatabase db) {
		this.db = db.client();
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

	/**
	 * Records a round's outcomes in at most three statements (delivered, to retry,
	 * parked), not two per row: marking was half the worker's round trips.
	 */
	Mono<Void> record(List<Delivery> outcomes) {
		List<Delivery> delivered = of(outcomes, Delivery.Outcome.DELIVERED);
		List<Delivery> retry = of(outcomes, Delivery.Outcome.RETRY);
		List<Delivery> park = of(outcomes, Delivery.Outcome.PARK);
		return delivered(delivered).then(retry(retry)).then(park(park));
	}

	private static List<Delivery> of(List<Delivery> outcomes, Delivery.Outcome outcome) {
		return outcomes.stream().filter((d) -> d.outcome() == outcome).toList();
	}

	private Mono<Void> delivered(List<Delivery> done) {
		if (done.isEmpty()) {
			return Mono.empty();
		}
		// two revisions of one resource may be delivered in one round: the newest id wins
		// (an upsert may not touch one row twice)
		return this.db
			.sql("""
					with done as (
					  select * from unnest(cast(:ids as bigint[]), cast(:systems as text[]), cast(:values as text[]),
					    cast(:types as text[]), cast(:fhirIds as text[])) as d(id, system, value, type, fhir_id)),
					saved as (
					  insert into fhir_delivery (identifier_system, identifier_value, resource_type, fhir_id)
					  select distinct on (system, value) system, value, type, fhir_id from done order by system, value, id desc
					  on conflict (identifier_system, identifier_value) do update set fhir_id = excluded.fhir_id,
					    delivered_at = now())
					delete from fhir_outbox where id in (select id from done)
					""")
			.bind("ids", done.stream().map((d) -> d.row().id()).toArray(Long[]::new))
			.bind("systems", column(done, (d) -> d.row().identifierSystem()))
			.bind("values", column(done, (d) -> d.row().identifierValue()))
			.bind("types", column(done, (d) -> d.row().resourceType()))
			.bind("fhirIds", column(done, Delivery::detail))
			.then();
	}

	private Mono<Void> retry(List<Delivery> later) {
		if (later.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("""
					update fhir_outbox o set leased_until = null, last_error = r.error,
					  next_attempt_at = now() + make_interval(secs => r.delay)
					from unnest(cast(:ids as bigint[]), cast(:errors as text[]), cast(:delays as float8[])) as r(id, error, delay)
					where o.id = r.id
					""")
			.bind("ids", later.stream().map((d) -> d.row().id()).toArray(Long[]::new))
			.bind("errors", column(later, (d) -> abbreviate(d.detail())))
			.bind("delays", later.stream().map((d) -> d.retryIn().toMillis() / 1000.0).toArray(Double[]::new))
			.then();
	}

	private Mono<Void> park(List<Delivery> parked) {
		if (parked.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("""
				update fhir_outbox o set status = 'PARKED', leased_until = null, last_error = p.error
				from unnest(cast(:ids as bigint[]), cast(:errors as text[])) as p(id, error)
				where o.id = p.id
				""")
			.bind("ids", parked.stream().map((d) -> d.row().id()).toArray(Long[]::new))
			.bind("errors", column(parked, (d) -> abbreviate(d.detail())))
			.then();
	}

	private static String[] column(List<Delivery> rows, java.util.function.Function<Delivery, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	/** Puts a parked row back in line (after someone fixed the cause). */
	Mono<Long> retry(long id) {
		return this.db.sql("""
				update fhir_outbox set status = 'PENDING', next_attempt_at = now(), leased_until = null
				where id = :id and status = 'PARKED'
				""").bind("id", id).fetch().rowsUpdated();
	}

	/**
	 * Parked rows back in line in one go: all, those whose reason contains
	 * {@code reason}, and/or those of one patient (national identifier). Their attempts
	 * start over.
	 */
	Mono<Long> retryParked(String reason, String patient) {
		var update = this.db.sql("""
				update fhir_outbox set status = 'PENDING', next_attempt_at = now(), leased_until = null, attempts = 0
				where status = 'PARKED'
				  and (cast(:reason as text) is null or strpos(lower(last_error), lower(cast(:reason as text))) > 0)
				  and (cast(:patient as text) is null or patient_value = cast(:patient as text))
				""");
		update = (reason == null) ? update.bindNull("reason", String.class) : update.bind("reason", reason);
		update = (patient == null) ? update.bindNull("patient", String.class) : update.bind("patient", patient);
		return update.fetch().rowsUpdated();
	}

	/** Rows waiting out a backoff go now (the server answers again). */
	Mono<Long> releaseWaiting() {
		return this.db.sql("""
				update fhir_outbox set next_attempt_at = now()
				where status = 'PENDING' and next_attempt_at > now()
				""").fetch().rowsUpdated();
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
