package no.heima.export;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk export jobs and their files in PostgreSQL. A replica takes a job with
 * {@code FOR UPDATE SKIP LOCKED} and holds it by a lease it renews; a job whose lease ran
 * out (its replica stopped) is taken again and written from the start.
 */
@Repository
class BulkJobs {

	/** A file of a finished export: its type and how many resources it holds. */
	record FileSummary(String type, long resources) {
	}

	private final DatabaseClient db;

	private final LongReads longReads;

	BulkJobs(DatabaseClient db, LongReads longReads) {
		this.db = db;
		this.longReads = longReads;
	}

	Mono<Void> insert(UUID id, String requestUrl, java.util.List<String> types, Instant since, Cohort cohort,
			byte[] salt, String requestedBy, Duration keepFor) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("""
					insert into export_job (id, request_url, types, since, team, pathway_id, pseudonymise, salt,
					  requested_by, expires_at)
					values (:id, :url, :types, :since, :team, :pathway, :pseudonymise, :salt, :by, now() + :keep * interval '1 second')
					""")
			.bind("id", id)
			.bind("url", requestUrl)
			.bind("types", types.toArray(String[]::new))
			.bind("pseudonymise", salt != null)
			.bind("by", requestedBy)
			.bind("keep", keepFor.toSeconds());
		spec = (since == null) ? spec.bindNull("since", OffsetDateTime.class)
				: spec.bind("since", since.atOffset(ZoneOffset.UTC));
		spec = (cohort.team() == null) ? spec.bindNull("team", String.class) : spec.bind("team", cohort.team());
		spec = (cohort.pathway() == null) ? spec.bindNull("pathway", UUID.class)
				: spec.bind("pathway", cohort.pathway());
		spec = (salt == null) ? spec.bindNull("salt", ByteBuffer.class) : spec.bind("salt", ByteBuffer.wrap(salt));
		return spec.then();
	}

	Mono<BulkJob> find(UUID id) {
		return this.db.sql("select * from export_job where id = :id and expires_at > now()")
			.bind("id", id)
			.map(BulkJobs::toJob)
			.one();
	}

	/**
	 * Takes the oldest waiting job, or one whose replica let its lease run out: marks it
	 * running under {@code owner}, starts its transaction time now and drops whatever an
	 * earlier attempt wrote.
	 */
	Mono<BulkJob> claim(String owner, Duration lease) {
		return this.db
			.sql("""
					update export_job set status = 'RUNNING', lease_owner = :owner, leased_until = now() + :lease * interval '1 second',
					  transaction_time = now(), patients_done = 0, patients_total = null, attempts = attempts + 1
					where id = (select id from export_job
					            where (status = 'ACCEPTED' or (status = 'RUNNING' and leased_until < now()))
					              and expires_at > now()
					            order by requested_at for update skip locked limit 1)
					returning *
					""")
			.bind("owner", owner)
			.bind("lease", lease.toSeconds())
			.map(BulkJobs::toJob)
			.one()
			.flatMap((job) -> this.db.sql("delete from export_chunk where job_id = :id")
				.bind("id", job.id())
				.then()
				.thenReturn(job));
	}

	/**
	 * Renews the lease and notes progress; false when the job is no longer this replica's
	 * to run (cancelled, or taken over after the lease ran out).
	 */
	Mono<Boolean> renew(UUID id, String owner, Duration lease, int done, int total) {
		return this.db
			.sql("""
					update export_job set leased_until = now() + :lease * interval '1 second', patients_done = :done, patients_total = :total
					where id = :id and status = 'RUNNING' and lease_owner = :owner
					""")
			.bind("id", id)
			.bind("owner", owner)
			.bind("lease", lease.toSeconds())
			.bind("done", done)
			.bind("total", total)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Stores a chunk, only while the job is still {@code owner}'s to run: a replica that
	 * was slow rather than dead cannot add to a run another replica took over, nor to a
	 * cancelled export. False when it was not stored.
	 */
	Mono<Boolean> addChunk(UUID id, String owner, String type, int seq, int resources, byte[] data) {
		return this.db.sql("""
				insert into export_chunk (job_id, resource_type, seq, resources, data)
				select :id, :type, :seq, :resources, :data from export_job
				where id = :id and status = 'RUNNING' and lease_owner = :owner
				""")
			.bind("id", id)
			.bind("owner", owner)
			.bind("type", type)
			.bind("seq", seq)
			.bind("resources", resources)
			.bind("data", ByteBuffer.wrap(data))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Ends a run; false when the job was not this replica's any more. */
	Mono<Boolean> finish(UUID id, String owner, BulkJob.Status status, String error) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				update export_job set status = :status, error = :error, finished_at = now(), salt = null,
				  leased_until = null
				where id = :id and status = 'RUNNING' and lease_owner = :owner
				""").bind("id", id).bind("owner", owner).bind("status", status.name());
		spec = (error == null) ? spec.bindNull("error", String.class) : spec.bind("error", error);
		return spec.fetch().rowsUpdated().map((rows) -> rows > 0);
	}

	/** Cancels a job and drops its files; false when there was none. */
	Mono<Boolean> cancel(UUID id) {
		return this.db.sql("""
				update export_job set status = 'CANCELLED', salt = null, finished_at = now()
				where id = :id and status in ('ACCEPTED', 'RUNNING', 'COMPLETED', 'FAILED') and expires_at > now()
				""")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.flatMap((rows) -> (rows == 0) ? Mono.just(false)
					: this.db.sql("delete from export_chunk where job_id = :id")
						.bind("id", id)
						.then()
						.thenReturn(true));
	}

	Flux<FileSummary> files(UUID id) {
		return this.db.sql("""
				select resource_type, sum(resources) as n from export_chunk where job_id = :id
				group by resource_type
				""")
			.bind("id", id)
			.map((row) -> new FileSummary(row.get("resource_type", String.class),
					row.get("n", Number.class).longValue()))
			.all();
	}

	/** A file's chunks in order, fetched one at a time. */
	Flux<ByteBuffer> chunks(UUID id, String type) {
		return this.longReads.stream(
				this.db.sql("select data from export_chunk where job_id = :id and resource_type = :type order by seq")
					.bind("id", id)
					.bind("type", type)
					.filter((statement) -> statement.fetchSize(1))
					.map((row) -> row.get("data", ByteBuffer.class))
					.all());
	}

	/** Drops jobs past their keeping time, with their files. */
	Mono<Long> deleteExpired() {
		return this.db.sql("delete from export_job where expires_at < now()").fetch().rowsUpdated();
	}

	private static BulkJob toJob(Readable row) {
		OffsetDateTime since = row.get("since", OffsetDateTime.class);
		OffsetDateTime time = row.get("transaction_time", OffsetDateTime.class);
		ByteBuffer salt = row.get("salt", ByteBuffer.class);
		byte[] saltBytes = null;
		if (salt != null) {
			saltBytes = new byte[salt.remaining()];
			salt.get(saltBytes);
		}
		return new BulkJob(row.get("id", UUID.class), BulkJob.Status.valueOf(row.get("status", String.class)),
				row.get("request_url", String.class), Arrays.asList(row.get("types", String[].class)),
				(since != null) ? since.toInstant() : null, row.get("team", String.class),
				row.get("pathway_id", UUID.class), Boolean.TRUE.equals(row.get("pseudonymise", Boolean.class)),
				saltBytes, (time != null) ? time.toInstant() : null, row.get("patients_total", Integer.class),
				row.get("patients_done", Integer.class), row.get("error", String.class));
	}

}
