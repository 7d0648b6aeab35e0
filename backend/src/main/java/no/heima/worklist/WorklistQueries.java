package no.heima.worklist;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The worklist grouped by patient, in three statements whatever the page holds: the page
 * of patients (with the totals, by window functions), their items, and a count only when
 * the page asked for lies past the end.
 */
@Repository
class WorklistQueries {

	private static final String LEVEL_RANK = "case w.level when 'RED' then 0 when 'YELLOW' then 1 else 2 end";

	static final int ITEMS_PER_PATIENT = 50;

	private final DatabaseClient db;

	WorklistQueries(DatabaseClient db) {
		this.db = db;
	}

	/** A patient of the page before their items are read. */
	record Group(UUID patientId, String name, String identifier, String phone, Instant oldest, long patients,
			long items) {
	}

	Mono<List<Group>> groups(WorklistFilter filter, List<String> teams, String me, Instant now, int limit,
			long offset) {
		String sql = "select w.patient_id, min(w.patient_name) as name, min(w.patient_value) as identifier,"
				+ " p.phone, min(w.raised_at) as oldest, count(*) over () as patients, sum(count(*)) over () as items"
				+ " from worklist_item w join patient p on p.id = w.patient_id where" + filter.where()
				+ " group by w.patient_id, p.phone order by min(" + LEVEL_RANK + "), min(w.raised_at), w.patient_id"
				+ " limit :limit offset :offset";
		return filter.bind(this.db.sql(sql), teams, me, now)
			.bind("limit", limit)
			.bind("offset", offset)
			.map((row) -> new Group(row.get("patient_id", UUID.class), row.get("name", String.class),
					row.get("identifier", String.class), row.get("phone", String.class),
					row.get("oldest", java.time.OffsetDateTime.class).toInstant(), row.get("patients", Long.class),
					number(row, "items")))
			.all()
			.collectList();
	}

	/** How many patients and items match, for a page past the end: {patients, items}. */
	Mono<long[]> count(WorklistFilter filter, List<String> teams, String me, Instant now) {
		String sql = "select count(distinct w.patient_id) as patients, count(*) as items from worklist_item w where"
				+ filter.where();
		return filter.bind(this.db.sql(sql), teams, me, now)
			.map((row) -> new long[] { row.get("patients", Long.class), row.get("items", Long.class) })
			.one();
	}

	/**
	 * The filtered items of the given patients, grouped by patient in worklist order, at
	 * most {@link #ITEMS_PER_PATIENT} each (a patient with months of missed tasks must
	 * not fill the page; the counts tell how many there are).
	 */
	Mono<Map<UUID, List<WorklistItem>>> items(WorklistFilter filter, List<String> teams, String me, Instant now,
			List<UUID> patients) {
		String sql = "select * from (select w.*, row_number() over (partition by w.patient_id order by " + LEVEL_RANK
				+ ", w.raised_at, w.id) as rank from worklist_item w where" + filter.where()
				+ " and w.patient_id = any(:patients)) ranked where rank <= " + ITEMS_PER_PATIENT
				+ " order by patient_id, rank";
		return filter.bind(this.db.sql(sql), teams, me, now)
			.bind("patients", patients.toArray(UUID[]::new))
			.map((row) -> WorklistRepository.toItem(row, now))
			.all()
			.collect(LinkedHashMap::new,
					(Map<UUID, List<WorklistItem>> byPatient, WorklistItem item) -> byPatient
						.computeIfAbsent(item.patientId(), (id) -> new ArrayList<>())
						.add(item));
	}

	/**
	 * One patient's filtered items in worklist order, a page at a time (the caseload
	 * row's items past the first {@link #ITEMS_PER_PATIENT}), with how many match in all.
	 */
	Mono<WorklistPage> itemsOf(WorklistFilter filter, List<String> teams, String me, Instant now, UUID patient,
			int page, int size) {
		String sql = "select w.*, count(*) over () as total from worklist_item w where" + filter.where()
				+ " and w.patient_id = :patient order by " + LEVEL_RANK
				+ ", w.raised_at, w.id limit :limit offset :offset";
		return filter.bind(this.db.sql(sql), teams, me, now)
			.bind("patient", patient)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map((row) -> Map.entry(WorklistRepository.toItem(row, now), row.get("total", Long.class)))
			.all()
			.collectList()
			.map((rows) -> new WorklistPage(rows.stream().map(Map.Entry::getKey).toList(), page, size,
					rows.isEmpty() ? 0 : rows.get(0).getValue()));
	}

	/** Per patient, per kind: how many filtered items, and how many of them overdue. */
	Mono<Map<UUID, Map<String, long[]>>> counts(WorklistFilter filter, List<String> teams, String me, Instant now,
			List<UUID> patients) {
		String sql = "select w.patient_id, w.kind, count(*) as n, count(*) filter (where w.due_at < :at) as late"
				+ " from worklist_item w where" + filter.where()
				+ " and w.patient_id = any(:patients) group by w.patient_id, w.kind";
		return filter.bind(this.db.sql(sql), teams, me, now)
			.bind("patients", patients.toArray(UUID[]::new))
			.bind("at", now.atOffset(java.time.ZoneOffset.UTC))
			.map((row) -> new Object[] { row.get("patient_id", UUID.class), row.get("kind", String.class),
					new long[] { row.get("n", Long.class), row.get("late", Long.class) } })
			.all()
			.collect(java.util.HashMap::new,
					(Map<UUID, Map<String, long[]>> byPatient, Object[] row) -> byPatient
						.computeIfAbsent((UUID) row[0], (id) -> new java.util.TreeMap<>())
						.put((String) row[1], (long[]) row[2]));
	}

	/** sum(bigint) is numeric in PostgreSQL. */
	private static long number(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

}
