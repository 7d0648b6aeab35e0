package no.heima.pathway;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PathwayRepository {

	private static final String SUMMARY = """
			select p.id, p.team, p.name, p.created_at,
			       coalesce((select max(v.version) from pathway_version v where v.pathway_id = p.id), 0) as latest,
			       exists (select 1 from pathway_draft d where d.pathway_id = p.id) as has_draft
			from pathway p
			""";

	private final DatabaseClient db;

	private final JsonMapper json;

	PathwayRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Void> create(UUID id, String team, PathwayDefinition definition, String actor) {
		return this.db.sql("insert into pathway (id, team, name, created_by) values (:id, :team, :name, :actor)")
			.bind("id", id)
			.bind("team", team)
			.bind("name", definition.name())
			.bind("actor", actor)
			.then()
			.then(this.db
				.sql("insert into pathway_draft (pathway_id, definition, updated_by) values (:id, :definition, :actor)")
				.bind("id", id)
				.bind("definition", toJson(definition))
				.bind("actor", actor)
				.then());
	}

	/** Creates or replaces the draft; the name column follows it so lists stay cheap. */
	Mono<Void> saveDraft(UUID id, PathwayDefinition definition, String actor) {
		return this.db.sql("""
				insert into pathway_draft (pathway_id, definition, updated_by) values (:id, :definition, :actor)
				on conflict (pathway_id) do update set definition = excluded.definition,
				  revision = pathway_draft.revision + 1, updated_at = now(), updated_by = excluded.updated_by
				""")
			.bind("id", id)
			.bind("definition", toJson(definition))
			.bind("actor", actor)
			.then()
			.then(this.db.sql("update pathway set name = :name where id = :id")
				.bind("id", id)
				.bind("name", definition.name())
				.then());
	}

	Mono<PathwayDefinition> draft(UUID id) {
		return this.db.sql("select definition from pathway_draft where pathway_id = :id")
			.bind("id", id)
			.map((row) -> fromJson(row.get("definition", Json.class)))
			.one();
	}

	/**
	 * Publishes the draft as the next version and removes the draft, in the caller's
	 * transaction. The row lock on the pathway makes concurrent publishes take turns
	 * instead of both choosing the same number.
	 */
	Mono<Integer> publishDraft(UUID id, String actor) {
		return this.db.sql("select id from pathway where id = :id for update")
			.bind("id", id)
			.fetch()
			.one()
			.then(this.db
				.sql("""
						insert into pathway_version (pathway_id, version, definition, published_by)
						select d.pathway_id,
						       coalesce((select max(v.version) from pathway_version v where v.pathway_id = d.pathway_id), 0) + 1,
						       d.definition, :actor
						from pathway_draft d where d.pathway_id = :id
						returning version
						""")
				.bind("id", id)
				.bind("actor", actor)
				.map((row) -> row.get("version", Integer.class))
				.one())
			.flatMap((version) -> this.db.sql("delete from pathway_draft where pathway_id = :id")
				.bind("id", id)
				.then()
				.thenReturn(version));
	}

	Mono<PathwaySummary> summary(UUID id) {
		return this.db.sql(SUMMARY + " where p.id = :id").bind("id", id).map(PathwayRepository::toSummary).one();
	}

	Flux<PathwaySummary> list(List<String> teams) {
		return this.db.sql(SUMMARY + " where p.team = any(:teams) order by lower(p.name), p.id")
			.bind("teams", teams.toArray(String[]::new))
			.map(PathwayRepository::toSummary)
			.all();
	}

	Mono<PublishedPathway> version(UUID id, int version) {
		return this.db.sql("""
				select v.*, p.team from pathway_version v join pathway p on p.id = v.pathway_id
				where v.pathway_id = :id and v.version = :version
				""").bind("id", id).bind("version", version).map(this::toPublished).one();
	}

	Flux<PublishedPathway> versions(UUID id) {
		return this.db.sql("""
				select v.*, p.team from pathway_version v join pathway p on p.id = v.pathway_id
				where v.pathway_id = :id order by v.version desc
				""").bind("id", id).map(this::toPublished).all();
	}

	Mono<PublishedPathway> latest(UUID id) {
		return this.db.sql("""
				select v.*, p.team from pathway_version v join pathway p on p.id = v.pathway_id
				where v.pathway_id = :id order by v.version desc limit 1
				""").bind("id", id).map(this::toPublished).one();
	}

	private PublishedPathway toPublished(Readable row) {
		return new PublishedPathway(row.get("pathway_id", UUID.class), row.get("team", String.class),
				row.get("version", Integer.class), fromJson(row.get("definition", Json.class)),
				row.get("published_at", OffsetDateTime.class).toInstant(), row.get("published_by", String.class));
	}

	private static PathwaySummary toSummary(Readable row) {
		return new PathwaySummary(row.get("id", UUID.class), row.get("team", String.class),
				row.get("name", String.class), row.get("latest", Integer.class), row.get("has_draft", Boolean.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	private Json toJson(PathwayDefinition definition) {
		return Json.of(this.json.writeValueAsString(definition));
	}

	private PathwayDefinition fromJson(Json value) {
		return this.json.readValue(value.asString(), PathwayDefinition.class);
	}

}
