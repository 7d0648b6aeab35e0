package no.heima.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Bulk test data written straight with SQL ({@code generate_series}), so a thousand rows
 * take milliseconds rather than a thousand API calls. Rows look like what the API writes
 * (patients with a team and a care plan on a published pathway, worklist items with a
 * summary and a due time); every patient gets an identifier starting with 99 (day 99:
 * never a real fødselsnummer) and a family name carrying {@code marker}, so
 * {@link #remove()} takes away exactly what it added. The test database is shared by all
 * integration tests: remove what you seed, or other tests' first pages change.
 */
public final class VolumeSeed {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final DatabaseClient db;

	private final String marker;

	public VolumeSeed(DatabaseClient db) {
		this.db = db;
		this.marker = "Volum" + UUID.randomUUID().toString().substring(0, 8);
	}

	public String marker() {
		return this.marker;
	}

	/**
	 * {@code count} (at most 10,000) patients of {@code team}, each on a care plan of the
	 * published {@code pathwayId} version 1 starting tomorrow (so the scan for missed
	 * tasks raises nothing for them while a test runs); returns their ids in the order of
	 * their number.
	 */
	public List<UUID> patients(String team, int count, UUID pathwayId) {
		List<UUID> ids = this.db.sql("""
				insert into patient (id, identifier_system, identifier_value, given_name, family_name, birth_date)
				select gen_random_uuid(), 'urn:oid:2.16.578.1.12.4.1.4.1',
				       '99' || lpad((:base + i)::text, 9, '0'), 'Pasient', :marker || ' ' || i,
				       date '1940-01-01' + (i % 20000)
				from generate_series(1, :count) i
				returning id, family_name
				""")
			.bind("base", Math.abs(this.marker.hashCode() % 90_000) * 10_000)
			.bind("marker", this.marker)
			.bind("count", count)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(WAIT);
		this.db.sql("insert into patient_team (patient_id, team) select id, :team from unnest(cast(:ids as uuid[])) id")
			.bind("team", team)
			.bind("ids", ids.toArray(UUID[]::new))
			.then()
			.block(WAIT);
		this.db.sql("""
				insert into care_plan (id, patient_id, pathway_id, pathway_version, team, start_date, status, end_date,
				  end_reason, created_by)
				select gen_random_uuid(), id, :pathway, 1, :team, current_date - 30, 'ENDED', current_date,
				       'volume test', 'volume-test'
				from unnest(cast(:ids as uuid[])) id
				""")
			.bind("pathway", pathwayId)
			.bind("team", team)
			.bind("ids", ids.toArray(UUID[]::new))
			.then()
			.block(WAIT);
		return this.db
			.sql("select id from patient where family_name like :marker || ' %'"
					+ " order by (split_part(family_name, ' ', 2))::int")
			.bind("marker", this.marker)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(WAIT);
	}

	/**
	 * {@code perPatient} open worklist items for each patient (on their care plan), red,
	 * yellow and missing in turn, raised a minute apart.
	 */
	public void openItems(String team, List<UUID> patients, int perPatient) {
		this.db.sql("""
				insert into worklist_item (id, patient_id, patient_name, patient_system, patient_value, care_plan_id,
				  team, kind, source_key, activity_id, level, summary, reasons, raised_at, due_at)
				select gen_random_uuid(), p.id, p.given_name || ' ' || p.family_name, p.identifier_system,
				       p.identifier_value, c.id, :team, 'MEASUREMENT', gen_random_uuid()::text, 'bp',
				       (array['RED', 'YELLOW', 'MISSING'])[1 + (n % 3)], 'Blodtrykk: 165 / 95 mmHg',
				       '{"level": "YELLOW", "reasons": [], "assessed": true}'::jsonb,
				       now() - make_interval(mins => n), now() + interval '2 hours'
				from patient p join care_plan c on c.patient_id = p.id
				cross join generate_series(1, :per) n
				where p.id = any(cast(:ids as uuid[]))
				""")
			.bind("team", team)
			.bind("per", perPatient)
			.bind("ids", patients.toArray(UUID[]::new))
			.then()
			.block(WAIT);
	}

	/**
	 * Deletes every row this seed (and the requests on its patients) added; tries again
	 * when background work (the missed-task scan) added a row to them meanwhile.
	 */
	public void remove() {
		for (int attempt = 1;; attempt++) {
			try {
				removeOnce();
				return;
			}
			catch (RuntimeException raced) {
				if (attempt == 3) {
					throw raced;
				}
			}
		}
	}

	private void removeOnce() {
		String mine = "(select id from patient where family_name like :marker || ' %')";
		String plans = "(select id from care_plan where patient_id in " + mine + ")";
		for (String statement : List.of("delete from worklist_item where care_plan_id in " + plans,
				"delete from worklist_item where patient_id in " + mine,
				"delete from measurement where patient_id in " + mine,
				"delete from questionnaire_response where patient_id in " + mine,
				"delete from response_draft where patient_id in " + mine,
				"delete from task_completion where care_plan_id in " + plans,
				"delete from care_plan_pause where care_plan_id in " + plans,
				"delete from care_plan where patient_id in " + mine,
				"delete from patient_team where patient_id in " + mine, "delete from patient where id in " + mine)) {
			this.db.sql(statement).bind("marker", this.marker).then().block(WAIT);
		}
	}

}
