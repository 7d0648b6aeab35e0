package no.heima.response;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored responses as the care team reads them: only those under a care plan of one of
 * the reader's teams (a patient followed by two teams shows each team its own).
 */
@Repository
class ClinicianResponseRepository {

	/** A stored response with the triage result as it was given, and its FHIR JSON. */
	record Row(SubmittedResponse response, String resource) {
	}

	private static final String COLUMNS = "select r.triage, r.resource from questionnaire_response r"
			+ " join care_plan c on c.id = r.care_plan_id";

	private final DatabaseClient db;

	private final JsonMapper json;

	ClinicianResponseRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Flux<SubmittedResponse> forPatient(UUID patientId, List<String> teams, int limit) {
		return this.db.sql("select r.triage from questionnaire_response r join care_plan c on c.id = r.care_plan_id"
				+ " where r.patient_id = :patient and c.team = any(:teams) order by r.authored desc, r.received_at desc, r.id limit :limit")
			.bind("patient", patientId)
			.bind("teams", teams.toArray(String[]::new))
			.bind("limit", limit)
			.map((row) -> this.json.readValue(row.get("triage", Json.class).asString(), SubmittedResponse.class))
			.all();
	}

	Mono<Row> one(UUID patientId, UUID id, List<String> teams) {
		return this.db.sql(COLUMNS + " where r.id = :id and r.patient_id = :patient and c.team = any(:teams)")
			.bind("id", id)
			.bind("patient", patientId)
			.bind("teams", teams.toArray(String[]::new))
			.map(this::row)
			.one();
	}

	/**
	 * The response to the same questionnaire (any version) just before {@code authored},
	 * within the reader's teams.
	 */
	Mono<Row> previous(UUID patientId, String questionnaireUrl, Instant authored, UUID before, List<String> teams) {
		return this.db
			.sql(COLUMNS + " where r.patient_id = :patient and c.team = any(:teams)"
					+ " and split_part(r.questionnaire, '|', 1) = :url and r.id <> :id"
					+ " and r.authored <= :authored order by r.authored desc, r.received_at desc limit 1")
			.bind("patient", patientId)
			.bind("teams", teams.toArray(String[]::new))
			.bind("url", questionnaireUrl)
			.bind("id", before)
			.bind("authored", authored.atOffset(ZoneOffset.UTC))
			.map(this::row)
			.one();
	}

	private Row row(Readable row) {
		return new Row(this.json.readValue(row.get("triage", Json.class).asString(), SubmittedResponse.class),
				row.get("resource", Json.class).asString());
	}

}
