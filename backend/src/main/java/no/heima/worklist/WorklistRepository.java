package no.heima.worklist;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class WorklistRepository {

	/** Red, then yellow, then missing; oldest first within each. */
	private static final String ORDER = " order by case level when 'RED' then 0 when 'YELLOW' then 1 else 2 end,"
			+ " raised_at, id";

	private final DatabaseClient db;

	WorklistRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Inserts the item unless its source already raised one; emits the new id only when
	 * inserted.
	 */
	Mono<UUID> insert(ItemRaised item, Instant dueAt) {
		var spec = this.db
			.sql("""
					insert into worklist_item (id, patient_id, patient_name, patient_system, patient_value, care_plan_id, team,
					  kind, source_key, activity_id, level, summary, reasons, due_at)
					values (:id, :patient, :name, :psystem, :pvalue, :plan, :team, :kind, :source, :activity, :level,
					  :summary, :reasons, :due)
					on conflict (kind, source_key) do nothing
					returning id
					""")
			.bind("id", UUID.randomUUID())
			.bind("patient", item.patient().id())
			.bind("name", item.patient().givenName() + " " + item.patient().familyName())
			.bind("psystem", item.patient().identifier().system())
			.bind("pvalue", item.patient().identifier().value())
			.bind("team", item.team())
			.bind("kind", item.kind().name())
			.bind("source", item.sourceKey())
			.bind("level", item.level())
			.bind("summary", item.summary())
			.bind("reasons", Json.of(item.reasons()))
			.bind("due", dueAt.atOffset(ZoneOffset.UTC));
		// a MESSAGE item may have no care plan
		spec = (item.carePlanId() == null) ? spec.bindNull("plan", UUID.class) : spec.bind("plan", item.carePlanId());
		spec = (item.activityId() == null) ? spec.bindNull("activity", String.class)
				: spec.bind("activity", item.activityId());
		return spec.map((row) -> row.get("id", UUID.class)).one();
	}

	/** The ids of a care plan's items of this kind that are not resolved. */
	Flux<UUID> openOfPlan(UUID carePlanId, String kind) {
		return this.db
			.sql("select id from worklist_item where care_plan_id = :plan and kind = :kind and status <> 'RESOLVED'")
			.bind("plan", carePlanId)
			.bind("kind", kind)
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	/** The source keys among these that have an item of this kind (any status). */
	Flux<String> existingKeys(String kind, List<String> sourceKeys) {
		return this.db
			.sql("select source_key from worklist_item where kind = :kind and source_key = any(cast(:keys as text[]))")
			.bind("kind", kind)
			.bind("keys", sourceKeys.toArray(String[]::new))
			.map((row) -> row.get("source_key", String.class))
			.all();
	}

	Mono<Boolean> hasOpen(UUID patientId, String kind) {
		return this.db
			.sql("select exists (select 1 from worklist_item where patient_id = :patient and kind = :kind"
					+ " and status <> 'RESOLVED') as found")
			.bind("patient", patientId)
			.bind("kind", kind)
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

	Flux<WorklistItem> open(List<String> teams, int limit, long offset, Instant now) {
		return this.db
			.sql("select * from worklist_item where team = any(:teams) and status <> 'RESOLVED'" + ORDER
					+ " limit :limit offset :offset")
			.bind("teams", teams.toArray(String[]::new))
			.bind("limit", limit)
			.bind("offset", offset)
			.map((row) -> toItem(row, now))
			.all();
	}

	Mono<Long> countOpen(List<String> teams) {
		return this.db.sql("select count(*) from worklist_item where team = any(:teams) and status <> 'RESOLVED'")
			.bind("teams", teams.toArray(String[]::new))
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	/** The patient's national identifier (system, value) of an item, for write-back. */
	Mono<String[]> patientIdentifier(UUID id) {
		return this.db.sql("select patient_system, patient_value from worklist_item where id = :id")
			.bind("id", id)
			.map((row) -> new String[] { row.get("patient_system", String.class),
					row.get("patient_value", String.class) })
			.one();
	}

	Mono<WorklistItem> find(UUID id, Instant now) {
		return this.db.sql("select * from worklist_item where id = :id")
			.bind("id", id)
			.map((row) -> toItem(row, now))
			.one();
	}

	Flux<WorklistItem> forPatient(UUID patientId, Instant now) {
		return this.db.sql("select * from worklist_item where patient_id = :patient order by raised_at desc limit 200")
			.bind("patient", patientId)
			.map((row) -> toItem(row, now))
			.all();
	}

	/**
	 * A patient's items raised or resolved since {@code since}, oldest first (exports).
	 */
	Flux<WorklistItem> changedSince(UUID patientId, Instant since, Instant now) {
		return this.db.sql("""
				select * from worklist_item where patient_id = :patient
				and (raised_at >= :since or resolved_at >= :since) order by raised_at, id
				""")
			.bind("patient", patientId)
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row) -> toItem(row, now))
			.all();
	}

	/** Takes an open item; 0 rows when someone else was first. */
	Mono<Long> take(UUID id, String subject, String name) {
		return this.db.sql("""
				update worklist_item set status = 'IN_PROGRESS', assignee_subject = :subject, assignee_name = :name,
				  taken_at = now(), version = version + 1
				where id = :id and status = 'OPEN'
				""").bind("id", id).bind("subject", subject).bind("name", name).fetch().rowsUpdated();
	}

	Mono<Long> escalate(UUID id, String note) {
		return this.db.sql("""
				update worklist_item set escalated_at = now(), note = :note, version = version + 1
				where id = :id and status <> 'RESOLVED'
				""").bind("id", id).bind("note", note).fetch().rowsUpdated();
	}

	/** Gives an item that is not resolved to a colleague (it becomes theirs). */
	Mono<Long> assign(UUID id, String subject, String name) {
		return this.db.sql("""
				update worklist_item set status = 'IN_PROGRESS', assignee_subject = :subject, assignee_name = :name,
				  taken_at = now(), version = version + 1
				where id = :id and status <> 'RESOLVED'
				""").bind("id", id).bind("subject", subject).bind("name", name).fetch().rowsUpdated();
	}

	/**
	 * Escalates to a named colleague (who becomes the assignee) and/or a role, with a new
	 * deadline when one is given.
	 */
	Mono<Long> escalateTo(UUID id, String note, String toSubject, String toName, String toRole, Instant due) {
		var spec = this.db.sql("""
				update worklist_item set escalated_at = now(), note = :note,
				  escalated_to_subject = cast(:to_subject as text), escalated_to_name = cast(:to_name as text),
				  escalated_to_role = cast(:to_role as text), due_at = coalesce(cast(:due as timestamptz), due_at),
				  status = case when cast(:to_subject as text) is null then status else 'IN_PROGRESS' end,
				  assignee_subject = coalesce(cast(:to_subject as text), assignee_subject),
				  assignee_name = coalesce(cast(:to_name as text), assignee_name),
				  taken_at = case when cast(:to_subject as text) is null then taken_at else now() end,
				  version = version + 1
				where id = :id and status <> 'RESOLVED'
				""").bind("id", id).bind("note", note);
		spec = (toSubject == null) ? spec.bindNull("to_subject", String.class) : spec.bind("to_subject", toSubject);
		spec = (toName == null) ? spec.bindNull("to_name", String.class) : spec.bind("to_name", toName);
		spec = (toRole == null) ? spec.bindNull("to_role", String.class) : spec.bind("to_role", toRole);
		spec = (due == null) ? spec.bindNull("due", OffsetDateTime.class)
				: spec.bind("due", due.atOffset(ZoneOffset.UTC));
		return spec.fetch().rowsUpdated();
	}

	/** Resolves an item that is open or taken by {@code subject}. */
	Mono<Long> resolve(UUID id, String subject, String name, String action, String note, String patientMessage) {
		var spec = this.db
			.sql("""
					update worklist_item set status = 'RESOLVED', resolved_at = now(), resolved_by = :subject,
					  resolved_by_name = :name, action = :action, note = :note, patient_message = :message,
					  assignee_subject = coalesce(assignee_subject, :subject), assignee_name = coalesce(assignee_name, :name),
					  taken_at = coalesce(taken_at, now()), version = version + 1
					where id = :id and (status = 'OPEN' or (status = 'IN_PROGRESS' and assignee_subject = :subject))
					""")
			.bind("id", id)
			.bind("subject", subject)
			.bind("name", name)
			.bind("action", action)
			.bind("note", note);
		spec = (patientMessage == null) ? spec.bindNull("message", String.class) : spec.bind("message", patientMessage);
		return spec.fetch().rowsUpdated();
	}

	/** Announces a change at commit to every replica listening. */
	Mono<Void> notify(String event, UUID id, String team) {
		return this.db.sql("select pg_notify('" + WorklistEvents.CHANNEL + "', :payload)")
			.bind("payload", event + " " + id + " " + team)
			.fetch()
			.rowsUpdated()
			.then();
	}

	static WorklistItem toItem(Readable row, Instant now) {
		Instant due = instant(row, "due_at");
		String status = row.get("status", String.class);
		return new WorklistItem(row.get("id", UUID.class), row.get("patient_id", UUID.class),
				row.get("patient_name", String.class), row.get("care_plan_id", UUID.class),
				row.get("team", String.class), row.get("kind", String.class), row.get("source_key", String.class),
				row.get("activity_id", String.class), row.get("level", String.class), row.get("summary", String.class),
				row.get("reasons", Json.class).asString(), instant(row, "raised_at"), due,
				!"RESOLVED".equals(status) && now.isAfter(due), status, row.get("assignee_subject", String.class),
				row.get("assignee_name", String.class), instant(row, "taken_at"), instant(row, "escalated_at"),
				instant(row, "resolved_at"), row.get("resolved_by_name", String.class), row.get("action", String.class),
				row.get("note", String.class), row.get("patient_message", String.class), row.get("version", Long.class),
				row.get("escalated_to_subject", String.class), row.get("escalated_to_name", String.class),
				row.get("escalated_to_role", String.class));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
