package no.heima.questionnaire;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for the questionnaire table. Rows are never changed except for the retired flag;
 * listing pages through urls in the database.
 */
@Repository
class QuestionnaireRepository {

	private static final String REF_COLUMNS = """
			q.id, q.url, q.version, q.title, q.titles::text as titles, q.status, q.retired,
			q.imported_at, q.imported_by, q.imported_by_name
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> TITLES = new TypeReference<>() {
	};

	/** A stored version with its FHIR JSON. */
	record Stored(QuestionnaireRef ref, String json) {
	}

	/** What gets stored for one import. */
	record NewQuestionnaire(UUID id, String url, String version, String title, Map<String, String> titles,
			String status, String json, String importedBy, String importedByName) {
	}

	private final DatabaseClient db;

	QuestionnaireRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Fails with DataIntegrityViolationException when url|version is already stored.
	 */
	Mono<QuestionnaireRef> insert(NewQuestionnaire q) {
		var insert = db.sql("""
				insert into questionnaire (id, url, version, title, titles, status, resource, imported_by,
				  imported_by_name)
				values (:id, :url, :version, :title, :titles, :status, :resource, :by, :byName)
				""")
			.bind("id", q.id())
			.bind("url", q.url())
			.bind("version", q.version())
			.bind("titles", Json.of(JSON.writeValueAsString(q.titles())))
			.bind("status", q.status())
			.bind("resource", Json.of(q.json()))
			.bind("by", q.importedBy());
		insert = nullable(insert, "title", q.title());
		insert = nullable(insert, "byName", q.importedByName());
		return insert.then().then(findRef(q.id()));
	}

	Mono<QuestionnaireRef> findRef(UUID id) {
		return db.sql("select " + REF_COLUMNS + " from questionnaire q where q.id = :id")
			.bind("id", id)
			.map(QuestionnaireRepository::toRef)
			.one();
	}

	Mono<String> findJson(UUID id) {
		return db.sql("select resource::text as resource from questionnaire where id = :id")
			.bind("id", id)
			.map(row -> row.get("resource", String.class))
			.one();
	}

	/**
	 * One version; without {@code version}, the newest import that is not retired (else
	 * the newest).
	 */
	Mono<Stored> findByCanonical(String url, String version) {
		String where = version == null ? " where q.url = :url order by q.retired, q.imported_at desc, q.id limit 1"
				: " where q.url = :url and q.version = :version";
		var select = db.sql("select " + REF_COLUMNS + ", q.resource::text as resource from questionnaire q" + where)
			.bind("url", url);
		if (version != null) {
			select = select.bind("version", version);
		}
		return select.map(row -> new Stored(toRef(row), row.get("resource", String.class))).one();
	}

	Mono<Boolean> exists(String url, String version) {
		return db.sql("select count(*) as n from questionnaire where url = :url and version = :version")
			.bind("url", url)
			.bind("version", version)
			.map(row -> row.get("n", Long.class) > 0)
			.one();
	}

	/**
	 * Every version of the urls on one page (urls sorted by their newest version's
	 * title), each url's versions newest import first.
	 */
	Flux<QuestionnaireRef> page(String url, int limit, long offset) {
		var select = db.sql("""
				with latest as (
				  select distinct on (url) url, title from questionnaire
				""" + (url == null ? "" : " where url = :url") + """
				  order by url, imported_at desc, id
				), page as (
				  select url, row_number() over (order by lower(coalesce(title, url)), url) as position
				  from latest order by position limit :limit offset :offset
				)
				select\s""" + REF_COLUMNS + """
				from questionnaire q join page p on p.url = q.url
				order by p.position, q.imported_at desc, q.id
				""").bind("limit", limit).bind("offset", offset);
		if (url != null) {
			select = select.bind("url", url);
		}
		return select.map(QuestionnaireRepository::toRef).all();
	}

	Mono<Long> countUrls(String url) {
		var select = db
			.sql("select count(distinct url) as n from questionnaire" + (url == null ? "" : " where url = :url"));
		if (url != null) {
			select = select.bind("url", url);
		}
		return select.map(row -> row.get("n", Long.class)).one();
	}

	/** Marks a version retired (once; retiring again changes nothing). */
	Mono<Long> retire(UUID id, String by) {
		return db.sql("""
				update questionnaire set retired = true, retired_at = now(), retired_by = :by
				where id = :id and not retired
				""").bind("id", id).bind("by", by).fetch().rowsUpdated();
	}

	private static QuestionnaireRef toRef(Readable row) {
		String titles = row.get("titles", String.class);
		return new QuestionnaireRef(row.get("id", UUID.class), row.get("url", String.class),
				row.get("version", String.class), row.get("title", String.class),
				titles == null ? Map.of() : JSON.readValue(titles, TITLES), row.get("status", String.class),
				Boolean.TRUE.equals(row.get("retired", Boolean.class)),
				toInstant(row.get("imported_at", OffsetDateTime.class)), row.get("imported_by", String.class),
				row.get("imported_by_name", String.class));
	}

	private static Instant toInstant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

}
