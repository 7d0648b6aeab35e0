package no.heima.patient;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for the patient tables; paging and filtering happen in the database, never in
 * memory.
 */
@Repository
class PatientRepository {

	private static final String SELECT = """
			select p.*,
			       coalesce((select array_agg(t.team order by t.team) from patient_team t
			                 where t.patient_id = p.id), '{}') as teams
			from patient p
			""";

	private final DatabaseClient db;

	PatientRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Patient> insert(UUID id, NationalId nationalId, String given, String family, ContactDetails contact,
			String team) {
		var insert = db.sql("""
				insert into patient (id, identifier_system, identifier_value, given_name,
				  family_name, birth_date, phone, email, preferred_language)
				values (:id, :system, :value, :given, :family, :birthDate, :phone, :email, :language)
				""")
			.bind("id", id)
			.bind("system", nationalId.kind().system())
			.bind("value", nationalId.value())
			.bind("given", given)
			.bind("family", family)
			.bind("birthDate", nationalId.birthDate())
			.bind("language", contact.preferredLanguage());
		insert = nullable(insert, "phone", contact.phone());
		insert = nullable(insert, "email", contact.email());
		return insert.then()
			.then(db.sql("insert into patient_team (patient_id, team) values (:id, :team)")
				.bind("id", id)
				.bind("team", team)
				.then())
			.then(findById(id));
	}

	Mono<Patient> findById(UUID id) {
		return db.sql(SELECT + " where p.id = :id").bind("id", id).map(PatientRepository::toPatient).one();
	}

	Mono<Patient> findByIdentifier(String value) {
		return db.sql(SELECT + " where p.identifier_value = :value")
			.bind("value", value)
			.map(PatientRepository::toPatient)
			.one();
	}

	Flux<Patient> search(List<String> teams, String query, int limit, long offset) {
		Filter filter = Filter.of(teams, query);
		var spec = db.sql(SELECT + filter.where() + " order by lower(p.family_name), lower(p.given_name), p.id"
				+ " limit :limit offset :offset");
		return filter.bind(spec).bind("limit", limit).bind("offset", offset).map(PatientRepository::toPatient).all();
	}

	Mono<Long> count(List<String> teams, String query) {
		Filter filter = Filter.of(teams, query);
		return filter.bind(db.sql("select count(*) as n from patient p" + filter.where()))
			.map(row -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Updates only if the version still matches; 0 rows means changed (or gone)
	 * meanwhile.
	 */
	Mono<Long> updateContact(UUID id, long expectedVersion, ContactDetails contact) {
		var update = db.sql("""
				update patient set phone = :phone, email = :email, preferred_language = :language,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version
				""").bind("id", id).bind("version", expectedVersion).bind("language", contact.preferredLanguage());
		update = nullable(update, "phone", contact.phone());
		update = nullable(update, "email", contact.email());
		return update.fetch().rowsUpdated();
	}

	/**
	 * Clinician search: only patients followed by one of the teams; query on name or
	 * identifier.
	 */
	private record Filter(String[] teams, String pattern, boolean byIdentifier) {

		static Filter of(List<String> teams, String query) {
			String q = query == null ? "" : query.strip();
			if (q.isEmpty()) {
				return new Filter(teams.toArray(String[]::new), null, false);
			}
			boolean digits = q.chars().allMatch(Character::isDigit);
			String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			return new Filter(teams.toArray(String[]::new), digits ? escaped + "%" : "%" + escaped + "%", digits);
		}

		String where() {
			String teamClause = " where exists (select 1 from patient_team t where t.patient_id = p.id"
					+ " and t.team = any(:teams))";
			if (pattern == null) {
				return teamClause;
			}
			return teamClause + (byIdentifier ? " and p.identifier_value like :pattern"
					: " and (p.given_name || ' ' || p.family_name) ilike :pattern");
		}

		DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
			spec = spec.bind("teams", teams);
			return pattern == null ? spec : spec.bind("pattern", pattern);
		}
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

	private static Patient toPatient(Readable row) {
		String system = row.get("identifier_system", String.class);
		NationalId.Kind kind = Arrays.stream(NationalId.Kind.values())
			.filter(k -> k.system().equals(system))
			.findFirst()
			.orElseThrow();
		String[] teams = row.get("teams", String[].class);
		return new Patient(row.get("id", UUID.class),
				new Patient.Identifier(system, row.get("identifier_value", String.class), kind),
				row.get("given_name", String.class), row.get("family_name", String.class),
				row.get("birth_date", LocalDate.class), row.get("phone", String.class), row.get("email", String.class),
				row.get("preferred_language", String.class), teams == null ? List.of() : List.of(teams),
				row.get("version", Long.class), toInstant(row.get("created_at", OffsetDateTime.class)));
	}

	private static Instant toInstant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
