package no.heima.measurement;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.pathway.LocalizedText;
import no.heima.platform.SqlWrite;
import no.heima.triage.Assessment;
import no.heima.vital.Vital;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class MeasurementRepository {

	private static final TypeReference<List<EnteredValue>> VALUES = new TypeReference<>() {
	};

	/**
	 * The triage result and the advice shown, kept together as the record of what was
	 * decided.
	 */
	record Decision(Assessment triage, LocalizedText advice) {
	}

	private final DatabaseClient db;

	private final JsonMapper json;

	MeasurementRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Void> insert(Measurement m, UUID submissionId, String actor) {
		return insertWrite(m, submissionId, actor).run(this.db);
	}

	/** The insert, to run as part of the submission's one statement. */
	SqlWrite insertWrite(Measurement m, UUID submissionId, String actor) {
		Map<String, Parameter> values = new HashMap<>();
		values.put("id", Parameter.from(m.id()));
		values.put("patient", Parameter.from(m.patientId()));
		values.put("plan", SqlWrite.value(m.carePlanId(), UUID.class));
		values.put("activity", SqlWrite.value(m.activityId(), String.class));
		values.put("vital", Parameter.from(m.vital().name()));
		values.put("values", Parameter.from(Json.of(this.json.writeValueAsString(m.values()))));
		values.put("entered", Parameter.from(Json.of(this.json.writeValueAsString(m.entered()))));
		values.put("measuredAt", Parameter.from(m.measuredAt().atOffset(ZoneOffset.UTC)));
		values.put("receivedAt", Parameter.from(m.receivedAt().atOffset(ZoneOffset.UTC)));
		values.put("source", Parameter.from(m.source()));
		values.put("level", Parameter.from(m.triage().level().name()));
		values.put("triage",
				Parameter.from(Json.of(this.json.writeValueAsString(new Decision(m.triage(), m.advice())))));
		values.put("submission", Parameter.from(submissionId));
		values.put("actor", Parameter.from(actor));
		return new SqlWrite("""
				insert into measurement (id, patient_id, care_plan_id, activity_id, vital, values, entered,
				  measured_at, received_at, source, triage_level, triage, submission_id, created_by)
				values (:id, :patient, :plan, :activity, :vital, :values, :entered, :measuredAt, :receivedAt,
				  :source, :level, :triage, :submission, :actor)
				""", values);
	}

	Flux<Measurement> forPatient(UUID patientId, Vital vital, Instant from, Instant to, int limit) {
		var spec = this.db
			.sql("select * from measurement where patient_id = :patient"
					+ ((vital != null) ? " and vital = :vital" : "")
					+ " and measured_at >= :from and measured_at < :to order by measured_at desc limit :limit")
			.bind("patient", patientId)
			.bind("from", from.atOffset(ZoneOffset.UTC))
			.bind("to", to.atOffset(ZoneOffset.UTC))
			.bind("limit", limit);
		if (vital != null) {
			spec = spec.bind("vital", vital.name());
		}
		return spec.map(this::toMeasurement).all();
	}

	Flux<Measurement> forCarePlan(UUID carePlanId, Instant from) {
		return this.db
			.sql("select * from measurement where care_plan_id = :plan and measured_at >= :from"
					+ " order by measured_at")
			.bind("plan", carePlanId)
			.bind("from", from.atOffset(ZoneOffset.UTC))
			.map(this::toMeasurement)
			.all();
	}

	/** A patient's measurements received since {@code since}, oldest first (exports). */
	Flux<Measurement> receivedSince(UUID patientId, Instant since) {
		return this.db
			.sql("select * from measurement where patient_id = :patient and received_at >= :since"
					+ " order by received_at, id")
			.bind("patient", patientId)
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map(this::toMeasurement)
			.all();
	}

	private Measurement toMeasurement(Readable row) {
		Decision decision = this.json.readValue(row.get("triage", Json.class).asString(), Decision.class);
		return new Measurement(row.get("id", UUID.class), row.get("patient_id", UUID.class),
				Vital.valueOf(row.get("vital", String.class)),
				this.json.readValue(row.get("values", Json.class).asString(), VALUES),
				this.json.readValue(row.get("entered", Json.class).asString(), VALUES),
				row.get("measured_at", OffsetDateTime.class).toInstant(),
				row.get("received_at", OffsetDateTime.class).toInstant(), row.get("care_plan_id", UUID.class),
				row.get("activity_id", String.class), row.get("source", String.class), decision.triage(),
				decision.advice());
	}

}
