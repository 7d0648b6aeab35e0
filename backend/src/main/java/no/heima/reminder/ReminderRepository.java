package no.heima.reminder;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reminders table. Times come from the caller's clock, not the database's, so a fixed
 * clock in a test moves everything.
 */
@Repository
class ReminderRepository {

	/** A reminder as the sender sees it. */
	record Row(long id, UUID patientId, UUID carePlanId, String activityId, LocalDate taskDate,
			ReminderSchedule.Kind kind, ReminderPreferences.Channel channel, Instant dueAt, Instant windowEnd,
			int attempts) {
	}

	private final DatabaseClient db;

	ReminderRepository(DatabaseClient db) {
		this.db = db;
	}

	/** A reminder as planned: its unique key, and whether it still waits to be sent. */
	record Planned(UUID carePlanId, String activityId, LocalDate day, String kind, String channel, boolean pending) {
	}

	/**
	 * The reminders these plans have for tasks from {@code from} to {@code to}, in one
	 * read.
	 */
	Flux<Planned> ofPlans(java.util.List<UUID> carePlanIds, LocalDate from, LocalDate to) {
		return this.db
			.sql("select care_plan_id, activity_id, task_date, kind, channel, status from reminder"
					+ " where care_plan_id = any(cast(:ids as uuid[])) and task_date between :from and :to")
			.bind("ids", carePlanIds.toArray(UUID[]::new))
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new Planned(row.get("care_plan_id", UUID.class), row.get("activity_id", String.class),
					row.get("task_date", LocalDate.class), row.get("kind", String.class),
					row.get("channel", String.class), "PENDING".equals(row.get("status", String.class))))
			.all();
	}

	/**
	 * Plans one reminder; emits whether this call inserted it (a replica that planned it
	 * first, or one already sent or cancelled, wins).
	 */
	Mono<Boolean> plan(UUID patientId, UUID carePlanId, String activityId, LocalDate day, ReminderSchedule.Kind kind,
			ReminderPreferences.Channel channel, Instant dueAt, Instant windowEnd) {
		return this.db.sql("""
				insert into reminder (patient_id, care_plan_id, activity_id, task_date, kind, channel, due_at,
				  window_end, next_attempt_at)
				values (:patient, :plan, :activity, :day, :kind, :channel, :due, :end, :due)
				on conflict (care_plan_id, activity_id, task_date, kind, channel) do nothing
				""")
			.bind("patient", patientId)
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.bind("kind", kind.name())
			.bind("channel", channel.name())
			.bind("due", utc(dueAt))
			.bind("end", utc(windowEnd))
			.fetch()
			.rowsUpdated()
			.map((n) -> n > 0);
	}

	/**
	 * Takes up to {@code limit} due reminders for {@code lease}: SKIP LOCKED keeps
	 * concurrent senders on different rows, and the lease keeps them off a row being sent
	 * after this commits.
	 */
	Flux<Row> claim(Instant now, int limit, Duration lease) {
		return this.db.sql("""
				with due as (
				  select id from reminder
				  where status = 'PENDING' and next_attempt_at <= :now
				    and (leased_until is null or leased_until < :now)
				  order by next_attempt_at limit :limit
				  for update skip locked)
				update reminder r set leased_until = :until, attempts = r.attempts + 1
				from due where r.id = due.id
				returning r.*
				""")
			.bind("now", utc(now))
			.bind("limit", limit)
			.bind("until", utc(now.plus(lease)))
			.map(ReminderRepository::toRow)
			.all();
	}

	Mono<Void> sent(long id, Instant at) {
		return this.db.sql("""
				update reminder set status = 'SENT', sent_at = :at, leased_until = null, last_error = null
				where id = :id
				""").bind("id", id).bind("at", utc(at)).then();
	}

	Mono<Void> retry(long id, Instant next, String error) {
		return this.db.sql("""
				update reminder set next_attempt_at = :next, leased_until = null, last_error = :error where id = :id
				""").bind("id", id).bind("next", utc(next)).bind("error", abbreviate(error)).then();
	}

	Mono<Void> close(long id, String status, String reason) {
		return this.db.sql("""
				update reminder set status = :status, leased_until = null, last_error = :reason where id = :id
				""").bind("id", id).bind("status", status).bind("reason", abbreviate(reason)).then();
	}

	/**
	 * Cancels what is still pending for a task that was done; emits the channel of each
	 * (a claimed row being sent is left to its sender, which checks again).
	 */
	Flux<ReminderPreferences.Channel> cancelForTask(UUID carePlanId, String activityId, LocalDate day, String reason) {
		return this.db.sql("""
				update reminder set status = 'CANCELLED', last_error = :reason
				where care_plan_id = :plan and activity_id = :activity and task_date = :day and status = 'PENDING'
				  and leased_until is null
				returning channel
				""")
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.bind("reason", reason)
			.map((row) -> ReminderPreferences.Channel.valueOf(row.get("channel", String.class)))
			.all();
	}

	/**
	 * Drops a patient's reminders not yet tried, so the next round plans them from their
	 * new choices.
	 */
	Mono<Long> replanPatient(UUID patientId) {
		return this.db.sql("""
				delete from reminder where patient_id = :patient and status = 'PENDING' and attempts = 0
				  and leased_until is null
				""").bind("patient", patientId).fetch().rowsUpdated();
	}

	private static Row toRow(Readable row) {
		return new Row(row.get("id", Long.class), row.get("patient_id", UUID.class),
				row.get("care_plan_id", UUID.class), row.get("activity_id", String.class),
				row.get("task_date", LocalDate.class), ReminderSchedule.Kind.valueOf(row.get("kind", String.class)),
				ReminderPreferences.Channel.valueOf(row.get("channel", String.class)),
				row.get("due_at", OffsetDateTime.class).toInstant(),
				row.get("window_end", OffsetDateTime.class).toInstant(), row.get("attempts", Integer.class));
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static String abbreviate(String text) {
		return (text != null && text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
