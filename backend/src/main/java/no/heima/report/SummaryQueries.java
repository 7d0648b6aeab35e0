package no.heima.report;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.heima.identity.CurrentUser;
import no.heima.report.PatientSummary.ScoreRow;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's own reads and its one table: which periods a team has summarised, so the
 * next summary starts where the last ended.
 */
@Repository
class SummaryQueries {

	private final DatabaseClient db;

	private final JsonMapper json;

	SummaryQueries(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Each score of each response in the period, oldest first (hidden scores too: for the
	 * team).
	 */
	Flux<ScoreRow> scores(UUID patientId, List<UUID> planIds, Instant from, Instant to, int max) {
		if (planIds.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("""
				select questionnaire, authored, scores, triage_level from questionnaire_response
				where patient_id = :patient and care_plan_id = any(:plans) and authored >= :from and authored < :to
				order by authored, id limit :max
				""")
			.bind("patient", patientId)
			.bind("plans", planIds.toArray(UUID[]::new))
			.bind("from", from)
			.bind("to", to)
			.bind("max", max)
			.map((row) -> {
				String questionnaire = row.get("questionnaire", String.class);
				Instant authored = row.get("authored", OffsetDateTime.class).toInstant();
				String level = row.get("triage_level", String.class);
				JsonNode scores = this.json.readTree(row.get("scores", Json.class).asString());
				return scores.valueStream()
					.filter((s) -> s.hasNonNull("valueText") || s.hasNonNull("value"))
					.map((s) -> new ScoreRow(questionnaire, s.path("linkId").asString(), authored,
							s.hasNonNull("value") ? s.get("value").decimalValue() : null,
							s.hasNonNull("valueText") ? s.get("valueText").asString() : null, level))
					.toList();
			})
			.all()
			.flatMapIterable((rows) -> rows);
	}

	/** The end of the last summary made by one of the reader's teams. */
	Mono<Instant> lastEnd(UUID patientId, List<String> teams) {
		return this.db.sql("""
				select max(period_to) as last from patient_summary
				where patient_id = :patient and teams && :teams
				""").bind("patient", patientId).bind("teams", teams.toArray(String[]::new)).map((row) -> {
			OffsetDateTime last = row.get("last", OffsetDateTime.class);
			return (last != null) ? last.toInstant() : Instant.EPOCH;
		}).one().filter((last) -> !Instant.EPOCH.equals(last));
	}

	Mono<Void> recordMade(UUID patientId, PatientSummary summary, CurrentUser actor) {
		return this.db.sql("""
				insert into patient_summary (id, patient_id, teams, period_from, period_to, language, made_by)
				values (:id, :patient, :teams, :from, :to, :language, :actor)
				""")
			.bind("id", UUID.randomUUID())
			.bind("patient", patientId)
			.bind("teams", actor.teams().toArray(String[]::new))
			.bind("from", summary.from())
			.bind("to", summary.to())
			.bind("language", summary.language())
			.bind("actor", actor.subject())
			.then();
	}

}
