package no.heima.careplan;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.platform.SqlWrite;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CarePlanRepository {

	private static final TypeReference<List<PersonalThreshold>> THRESHOLDS = new TypeReference<>() {
	};

	private static final TypeReference<List<Pause>> PAUSES = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	CarePlanRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** A stored plan row, before pauses and the pathway's name are added. */
	record Row(UUID id, UUID patientId, UUID pathwayId, int pathwayVersion, String team, LocalDate startDate,
			String timeZone, String status, LocalDate endDate, String endReason, List<PersonalThreshold> thresholds,
			long version, Instant createdAt, LocalDate evaluationDate) {
	}

	Mono<Void> insert(UUID id, UUID patientId, UUID pathwayId, int version, String team, LocalDate start, String zone,
			String actor, LocalDate evaluation) {
		var spec = this.db.sql("""
				insert into care_plan (id, patient_id, pathway_id, pathway_version, team, start_date, time_zone,
				  created_by, evaluation_date)
				values (:id, :patient, :pathway, :version, :team, :start, :zone, :actor, :evaluation)
				""")
			.bind("id", id)
			.bind("patient", patientId)
			.bind("pathway", pathwayId)
			.bind("version", version)
			.bind("team", team)
			.bind("start", start)
			.bind("zone", zone)
			.bind("actor", actor);
		spec = (evaluation == null) ? spec.bindNull("evaluation", LocalDate.class)
				: spec.bind("evaluation", evaluation);
		return spec.then();
	}

	Mono<Row> find(UUID id) {
		return this.db.sql("select * from care_plan where id = :id").bind("id", id).map(this::toRow).one();
	}

	Flux<Row> forPatient(UUID patientId) {
		return this.db.sql("select * from care_plan where patient_id = :patient order by start_date desc, id")
			.bind("patient", patientId)
			.map(this::toRow)
			.all();
	}

	/**
	 * A patient's plans with their pauses in one statement (each plan's pauses as a JSON
	 * array): every submission needs both.
	 */
	Flux<Map.Entry<Row, List<Pause>>> forPatientWithPauses(UUID patientId) {
		return this.db.sql("""
				select c.*, coalesce((select json_agg(json_build_object('id', p.id, 'from', p.from_date,
				    'until', p.until_date, 'resumedOn', p.resumed_on, 'reason', p.reason)
				    order by p.from_date, p.created_at)
				  from care_plan_pause p where p.care_plan_id = c.id), '[]') as pauses_json
				from care_plan c where c.patient_id = :patient order by c.start_date desc, c.id
				""")
			.bind("patient", patientId)
			.map((row) -> Map.entry(toRow(row),
					this.json.readValue(row.get("pauses_json", Json.class).asString(), PAUSES)))
			.all();
	}

	Flux<Row> onPathway(UUID pathwayId) {
		return this.db.sql("select * from care_plan where pathway_id = :pathway order by id")
			.bind("pathway", pathwayId)
			.map(this::toRow)
			.all();
	}

	Flux<Row> open() {
		return this.db.sql("select * from care_plan where status <> 'ENDED' order by id").map(this::toRow).all();
	}

	/** The open plans of these teams only, read by the partial index on team. */
	Flux<Row> openOfTeams(List<String> teams) {
		return this.db
			.sql("select * from care_plan where status <> 'ENDED' and team = any(cast(:teams as text[])) order by id")
			.bind("teams", teams.toArray(String[]::new))
			.map(this::toRow)
			.all();
	}

	/**
	 * Many plans' completions from {@code from} to {@code to} (both included) in one
	 * read: plan → due day → activity → when it was done.
	 */
	Mono<Map<UUID, Map<LocalDate, Map<String, Instant>>>> completionsOf(List<UUID> carePlanIds, LocalDate from,
			LocalDate to) {
		return this.db
			.sql("select care_plan_id, due_date, activity_id, completed_at from task_completion"
					+ " where care_plan_id = any(cast(:ids as uuid[])) and due_date between :from and :to")
			.bind("ids", carePlanIds.toArray(UUID[]::new))
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new Completion(row.get("care_plan_id", UUID.class), row.get("due_date", LocalDate.class),
					row.get("activity_id", String.class), row.get("completed_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectList()
			.map((rows) -> {
				Map<UUID, Map<LocalDate, Map<String, Instant>>> byPlan = new HashMap<>();
				for (Completion c : rows) {
					byPlan.computeIfAbsent(c.plan(), (k) -> new HashMap<>())
						.computeIfAbsent(c.day(), (k) -> new HashMap<>())
						.put(c.activity(), c.at());
				}
				return byPlan;
			});
	}

	private record Completion(UUID plan, LocalDate day, String activity, Instant at) {
	}

	/** The pauses of many plans in one query, keyed by plan. */
	Mono<Map<UUID, List<Pause>>> pausesOf(List<UUID> carePlanIds) {
		return this.db
			.sql("select * from care_plan_pause where care_plan_id = any(cast(:ids as uuid[]))"
					+ " order by from_date, created_at")
			.bind("ids", carePlanIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("care_plan_id", UUID.class), toPause(row)))
			.all()
			.collectList()
			.map((entries) -> {
				Map<UUID, List<Pause>> byPlan = new HashMap<>();
				entries.forEach((e) -> byPlan.computeIfAbsent(e.getKey(), (k) -> new java.util.ArrayList<>())
					.add(e.getValue()));
				return byPlan;
			});
	}

	private static Pause toPause(Readable row) {
		return new Pause(row.get("id", UUID.class), row.get("from_date", LocalDate.class),
				row.get("until_date", LocalDate.class), row.get("resumed_on", LocalDate.class),
				row.get("reason", String.class));
	}

	Flux<Pause> pauses(UUID carePlanId) {
		return this.db.sql("select * from care_plan_pause where care_plan_id = :id order by from_date, created_at")
			.bind("id", carePlanId)
			.map(CarePlanRepository::toPause)
			.all();
	}

	/**
	 * Every change bumps the version and succeeds only from the version the caller saw.
	 */
	Mono<Long> setThresholds(UUID id, long expectedVersion, List<PersonalThreshold> thresholds) {
		return this.db.sql("""
				update care_plan set personal_thresholds = :thresholds, version = version + 1
				where id = :id and version = :version
				""")
			.bind("id", id)
			.bind("version", expectedVersion)
			.bind("thresholds", Json.of(this.json.writeValueAsString(thresholds)))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> end(UUID id, long expectedVersion, LocalDate endDate, String reason) {
		return this.db.sql("""
				update care_plan set status = 'ENDED', end_date = :end, end_reason = :reason, version = version + 1
				where id = :id and version = :version and status <> 'ENDED'
				""")
			.bind("id", id)
			.bind("version", expectedVersion)
			.bind("end", endDate)
			.bind("reason", reason)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> move(UUID id, long expectedVersion, int pathwayVersion) {
		return this.db.sql("""
				update care_plan set pathway_version = :pv, version = version + 1
				where id = :id and version = :version and status <> 'ENDED'
				""").bind("id", id).bind("version", expectedVersion).bind("pv", pathwayVersion).fetch().rowsUpdated();
	}

	Mono<Long> bumpVersion(UUID id, long expectedVersion) {
		return this.db.sql("update care_plan set version = version + 1 where id = :id and version = :version")
			.bind("id", id)
			.bind("version", expectedVersion)
			.fetch()
			.rowsUpdated();
	}

	Mono<Void> addPause(UUID carePlanId, LocalDate from, LocalDate until, String reason, String actor) {
		var spec = this.db.sql("""
				insert into care_plan_pause (id, care_plan_id, from_date, until_date, reason, created_by)
				values (:id, :plan, :from, :until, :reason, :actor)
				""")
			.bind("id", UUID.randomUUID())
			.bind("plan", carePlanId)
			.bind("from", from)
			.bind("reason", reason)
			.bind("actor", actor);
		spec = (until == null) ? spec.bindNull("until", LocalDate.class) : spec.bind("until", until);
		return spec.then();
	}

	/** Ends every pause still running on {@code day}: tasks come back from that day. */
	Mono<Long> resume(UUID carePlanId, LocalDate day) {
		return this.db.sql("""
				update care_plan_pause set resumed_on = :day
				where care_plan_id = :plan and resumed_on is null and from_date <= :day
				  and (until_date is null or until_date >= :day)
				""").bind("plan", carePlanId).bind("day", day).fetch().rowsUpdated();
	}

	Mono<Map<String, Instant>> completions(UUID carePlanId, LocalDate day) {
		return this.db
			.sql("select activity_id, completed_at from task_completion where care_plan_id = :plan and due_date = :day")
			.bind("plan", carePlanId)
			.bind("day", day)
			.map((row) -> Map.entry(row.get("activity_id", String.class),
					row.get("completed_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	Mono<Void> complete(UUID carePlanId, String activityId, LocalDate day, Instant at, UUID submissionId) {
		return completeWrite(carePlanId, activityId, day, at, submissionId).run(this.db);
	}

	static SqlWrite completeWrite(UUID carePlanId, String activityId, LocalDate day, Instant at, UUID submissionId) {
		return new SqlWrite("""
				insert into task_completion (care_plan_id, activity_id, due_date, completed_at, submission_id)
				values (:plan, :activity, :day, :at, :submission) on conflict do nothing
				""",
				java.util.Map.of("plan", Parameter.from(carePlanId), "activity", Parameter.from(activityId), "day",
						Parameter.from(day), "at", Parameter.from(at.atOffset(java.time.ZoneOffset.UTC)), "submission",
						Parameter.from(submissionId)));
	}

	private Row toRow(Readable row) {
		return new Row(row.get("id", UUID.class), row.get("patient_id", UUID.class), row.get("pathway_id", UUID.class),
				row.get("pathway_version", Integer.class), row.get("team", String.class),
				row.get("start_date", LocalDate.class), row.get("time_zone", String.class),
				row.get("status", String.class), row.get("end_date", LocalDate.class),
				row.get("end_reason", String.class),
				this.json.readValue(row.get("personal_thresholds", Json.class).asString(), THRESHOLDS),
				row.get("version", Long.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("evaluation_date", LocalDate.class));
	}

	/**
	 * Sets the next evaluation day (null: none), if {@code expectedVersion} still holds.
	 */
	Mono<Long> setEvaluation(UUID id, long expectedVersion, LocalDate day) {
		var spec = this.db.sql("""
				update care_plan set evaluation_date = :day, version = version + 1
				where id = :id and version = :version and status <> 'ENDED'
				""").bind("id", id).bind("version", expectedVersion);
		spec = (day == null) ? spec.bindNull("day", LocalDate.class) : spec.bind("day", day);
		return spec.fetch().rowsUpdated();
	}

}
