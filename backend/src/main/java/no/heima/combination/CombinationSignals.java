package no.heima.combination;

import io.r2dbc.postgresql.codec.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.CombinationRule;
import no.heima.triage.CombinationTriage;
import no.heima.triage.Reason;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored triage reasons of one care plan's submissions (measurements and responses
 * alike) within the longest combination window before a new submission: the "earlier"
 * side of {@link CombinationTriage}. Only non-green submissions carry reasons, so only
 * they are read; nothing is read for a pathway without combination rules.
 */
@Component
public class CombinationSignals {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final int MAX_SIGNALS = 500;

	private final DatabaseClient db;

	private final JsonMapper json;

	CombinationSignals(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Signals of the care plan's submissions from {@code rules}' longest window before
	 * {@code at} up to {@code at}.
	 */
	public Mono<List<CombinationTriage.Signal>> before(UUID patientId, UUID carePlanId, Instant at,
			List<CombinationRule> rules) {
		int days = CombinationTriage.longestWindow(rules);
		if (days == 0) {
			return Mono.just(List.of());
		}
		// patient_id leads both tables' indexes; the care plan narrows it further
		return this.db.sql("""
				select activity_id, at, reasons from (
				  select activity_id, measured_at as at, triage -> 'triage' -> 'reasons' as reasons
				  from measurement
				  where patient_id = :patient and care_plan_id = :plan and triage_level <> 'GREEN'
				    and measured_at >= :from and measured_at <= :to
				  union all
				  select activity_id, authored as at, triage -> 'triage' -> 'reasons' as reasons
				  from questionnaire_response
				  where patient_id = :patient and care_plan_id = :plan and triage_level <> 'GREEN'
				    and authored >= :from and authored <= :to
				) s order by at desc limit :limit
				""")
			.bind("patient", patientId)
			.bind("plan", carePlanId)
			.bind("from", at.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC))
			.bind("to", at.atOffset(ZoneOffset.UTC))
			.bind("limit", MAX_SIGNALS)
			.map((row) -> {
				Json reasons = row.get("reasons", Json.class);
				return new CombinationTriage.Signal(row.get("activity_id", String.class),
						row.get("at", OffsetDateTime.class).toInstant(),
						(reasons != null) ? this.json.readValue(reasons.asString(), REASONS) : List.of());
			})
			.all()
			.collectList();
	}

}
