package no.heima.export;

import io.r2dbc.spi.Readable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The export's reads (as the report's, across the tables of the features whose data it
 * exports): who is in a cohort, and the CSV's rows, fetched {@code fetchSize} at a time
 * so a cohort of any size streams.
 */
@Repository
class CohortQueries {

	private static final String TS = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

	private static final String MEASUREMENTS = """
			select 'measurement', p.identifier_value, extract(year from p.birth_date)::int::text, cp.team, pw.name,
			  cp.pathway_version::text, m.vital, null, v->>'code', 'http://loinc.org', v->>'value', v->>'unit',
			  %s, %s, m.triage_level, m.source
			from measurement m join care_plan cp on cp.id = m.care_plan_id join patient p on p.id = m.patient_id
			join pathway pw on pw.id = cp.pathway_id cross join lateral jsonb_array_elements(m.values) v
			where m.measured_at >= :from and m.measured_at < :to %s
			""".formatted(TS.formatted("m.measured_at"), TS.formatted("m.received_at"), "%s");

	private static final String SCORES = """
			select 'score', p.identifier_value, extract(year from p.birth_date)::int::text, cp.team, pw.name,
			  cp.pathway_version::text, null, r.questionnaire, coalesce(s->>'loinc', s->>'linkId'),
			  case when s->>'loinc' is null then 'linkId' else 'http://loinc.org' end,
			  coalesce(s->>'value', s->>'valueText'), null, %s, %s, r.triage_level, null
			from questionnaire_response r join care_plan cp on cp.id = r.care_plan_id
			join patient p on p.id = r.patient_id join pathway pw on pw.id = cp.pathway_id
			cross join lateral jsonb_array_elements(r.scores) s
			where r.authored >= :from and r.authored < :to
			  and (s->>'value' is not null or s->>'valueText' is not null) %s
			""".formatted(TS.formatted("r.authored"), TS.formatted("r.received_at"), "%s");

	private final DatabaseClient db;

	private final ExportProperties properties;

	private final LongReads longReads;

	CohortQueries(DatabaseClient db, ExportProperties properties, LongReads longReads) {
		this.db = db;
		this.properties = properties;
		this.longReads = longReads;
	}

	/** The cohort's patients, by id. */
	Flux<UUID> patients(Cohort cohort) {
		String sql = "select distinct cp.patient_id from care_plan cp where true" + scope(cohort)
				+ " order by cp.patient_id";
		return bindScope(this.db.sql(sql), cohort).map((row) -> row.get(0, UUID.class)).all();
	}

	/**
	 * One array per CSV row, in {@link CsvColumn} order; measurements first, then scores,
	 * each in the order PostgreSQL finds them.
	 */
	Flux<String[]> csvRows(Cohort cohort) {
		String scope = scope(cohort);
		String sql = MEASUREMENTS.formatted(scope) + " union all " + SCORES.formatted(scope);
		DatabaseClient.GenericExecuteSpec spec = bindScope(this.db.sql(sql), cohort)
			.bind("from", cohort.from().atOffset(ZoneOffset.UTC))
			.bind("to", cohort.to().atOffset(ZoneOffset.UTC))
			.filter((statement) -> statement.fetchSize(this.properties.fetchSize()));
		return this.longReads.stream(spec.map(CohortQueries::columns).all());
	}

	private static String[] columns(Readable row) {
		String[] values = new String[CsvColumn.values().length];
		for (int i = 0; i < values.length; i++) {
			values[i] = row.get(i, String.class);
		}
		return values;
	}

	private static String scope(Cohort cohort) {
		List<String> where = new ArrayList<>();
		if (cohort.team() != null) {
			where.add("cp.team = :team");
		}
		if (cohort.pathway() != null) {
			where.add("cp.pathway_id = :pathway");
		}
		return where.isEmpty() ? "" : " and " + String.join(" and ", where);
	}

	private static DatabaseClient.GenericExecuteSpec bindScope(DatabaseClient.GenericExecuteSpec spec, Cohort cohort) {
		DatabaseClient.GenericExecuteSpec bound = spec;
		if (cohort.team() != null) {
			bound = bound.bind("team", cohort.team());
		}
		if (cohort.pathway() != null) {
			bound = bound.bind("pathway", cohort.pathway());
		}
		return bound;
	}

}
