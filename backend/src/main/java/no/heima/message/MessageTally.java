package no.heima.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How many messages a patient and the given teams exchanged over a span (for the patient
 * summary, which shows the count, never the texts). Callers check access.
 */
@Component
public class MessageTally {

	private final DatabaseClient db;

	MessageTally(DatabaseClient db) {
		this.db = db;
	}

	public record Counts(long fromPatient, long fromTeam) {
	}

	public Mono<Counts> between(UUID patientId, List<String> teams, Instant from, Instant to) {
		return this.db.sql("""
				select count(*) filter (where author_kind = 'PATIENT') as patient,
				       count(*) filter (where author_kind = 'CLINICIAN') as team
				from message where patient_id = :patient and team = any(:teams) and sent_at >= :from and sent_at < :to
				""")
			.bind("patient", patientId)
			.bind("teams", teams.toArray(String[]::new))
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new Counts(row.get("patient", Long.class), row.get("team", Long.class)))
			.one();
	}

}
