package no.heima.response;

import org.springframework.r2dbc.core.Parameter;
import no.heima.platform.SqlWrite;
import java.util.Map;
import java.util.HashMap;
import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ResponseRepository {

	/** A draft as stored: the FHIR JSON and when it was saved. */
	record Draft(String questionnaireResponse, Instant updatedAt) {
	}

	private static final tools.jackson.core.type.TypeReference<java.util.List<no.heima.questionnaire.Score>> SCORES = new tools.jackson.core.type.TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	ResponseRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Instant> saveDraft(UUID patientId, UUID carePlanId, String activityId, LocalDate day, String response) {
		return this.db.sql("""
				insert into response_draft (care_plan_id, activity_id, due_date, patient_id, questionnaire_response)
				values (:plan, :activity, :day, :patient, :response)
				on conflict (care_plan_id, activity_id, due_date)
				do update set questionnaire_response = excluded.questionnaire_response, updated_at = now()
				returning updated_at
				""")
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.bind("patient", patientId)
			.bind("response", Json.of(response))
			.map((row) -> row.get("updated_at", OffsetDateTime.class).toInstant())
			.one();
	}

	Mono<Draft> draft(UUID patientId, UUID carePlanId, String activityId, LocalDate day) {
		return this.db.sql("""
				select questionnaire_response, updated_at from response_draft
				where care_plan_id = :plan and activity_id = :activity and due_date = :day and patient_id = :patient
				""")
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.bind("patient", patientId)
			.map((row) -> new Draft(row.get("questionnaire_response", Json.class).asString(),
					row.get("updated_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	Mono<Long> deleteDraft(UUID patientId, UUID carePlanId, String activityId, LocalDate day) {
		return this.db.sql("""
				delete from response_draft
				where care_plan_id = :plan and activity_id = :activity and due_date = :day and patient_id = :patient
				""")
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.bind("patient", patientId)
			.fetch()
			.rowsUpdated();
	}

	Mono<Void> deleteDraft(UUID carePlanId, String activityId, LocalDate day) {
		return this.db.sql(
				"delete from response_draft where care_plan_id = :plan and activity_id = :activity and due_date = :day")
			.bind("plan", carePlanId)
			.bind("activity", activityId)
			.bind("day", day)
			.then();
	}

	Mono<Void> insert(UUID patientId, SubmittedResponse r, String resourceJson, String actor) {
		return insertWrite(patientId, r, resourceJson, actor).run(this.db);
	}

	/** The insert, to run as part of the submission's one statement. */
	SqlWrite insertWrite(UUID patientId, SubmittedResponse r, String resourceJson, String actor) {
		Map<String, Parameter> values = new HashMap<>();
		values.put("id", Parameter.from(r.id()));
		values.put("patient", Parameter.from(patientId));
		values.put("plan", Parameter.from(r.carePlanId()));
		values.put("activity", Parameter.from(r.activityId()));
		values.put("day", Parameter.from(r.date()));
		values.put("questionnaire", Parameter.from(r.questionnaire()));
		values.put("resource", Parameter.from(Json.of(resourceJson)));
		values.put("scores", Parameter.from(Json.of(this.json.writeValueAsString(r.scores()))));
		values.put("authored", Parameter.from(r.authored().atOffset(ZoneOffset.UTC)));
		values.put("received", Parameter.from(r.receivedAt().atOffset(ZoneOffset.UTC)));
		values.put("level", Parameter.from(r.triage().level().name()));
		values.put("triage", Parameter.from(Json.of(this.json.writeValueAsString(r))));
		values.put("actor", Parameter.from(actor));
		return new SqlWrite("""
				insert into questionnaire_response (id, patient_id, care_plan_id, activity_id, due_date, questionnaire,
				  resource, scores, authored, received_at, triage_level, triage, created_by)
				values (:id, :patient, :plan, :activity, :day, :questionnaire, :resource, :scores, :authored,
				  :received, :level, :triage, :actor)
				""", values);
	}

	/** The submitted day's draft removed, as part of the submission's one statement. */
	SqlWrite deleteDraftWrite(UUID carePlanId, String activityId, LocalDate day) {
		return new SqlWrite(
				"delete from response_draft where care_plan_id = :plan and activity_id = :activity and due_date = :day",
				Map.of("plan", Parameter.from(carePlanId), "activity", Parameter.from(activityId), "day",
						Parameter.from(day)));
	}

	Flux<ReplayableResponse> forCarePlan(UUID carePlanId, Instant from) {
		return this.db.sql("""
				select activity_id, authored, scores, resource from questionnaire_response
				where care_plan_id = :plan and authored >= :from order by authored
				""")
			.bind("plan", carePlanId)
			.bind("from", from.atOffset(ZoneOffset.UTC))
			.map((row) -> new ReplayableResponse(row.get("activity_id", String.class),
					row.get("authored", OffsetDateTime.class).toInstant(),
					this.json.readValue(row.get("scores", Json.class).asString(), SCORES),
					row.get("resource", Json.class).asString()))
			.all();
	}

	/**
	 * A patient's responses received since {@code since}, oldest first, each with the
	 * stored (scored) resource (exports).
	 */
	Flux<reactor.util.function.Tuple2<SubmittedResponse, String>> receivedSince(UUID patientId, Instant since) {
		return this.db.sql("""
				select triage, resource from questionnaire_response where patient_id = :patient
				and received_at >= :since order by received_at, id
				""")
			.bind("patient", patientId)
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row) -> reactor.util.function.Tuples.of(
					this.json.readValue(row.get("triage", Json.class).asString(), SubmittedResponse.class),
					row.get("resource", Json.class).asString()))
			.all();
	}

	/** The stored summaries (what the patient was told), newest first. */
	Flux<SubmittedResponse> forPatient(UUID patientId, Instant from, int limit) {
		return this.db.sql("""
				select triage from questionnaire_response where patient_id = :patient and authored >= :from
				order by authored desc limit :limit
				""")
			.bind("patient", patientId)
			.bind("from", from.atOffset(ZoneOffset.UTC))
			.bind("limit", limit)
			.map((row) -> this.json.readValue(row.get("triage", Json.class).asString(), SubmittedResponse.class))
			.all();
	}

}
