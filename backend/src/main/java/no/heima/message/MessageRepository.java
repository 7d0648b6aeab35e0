package no.heima.message;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class MessageRepository {

	/** A message row with its photos' types and sizes (never their bytes). */
	record Row(UUID id, UUID patientId, String team, String authorKind, String authorName, String body,
			List<UUID> photoIds, Instant sentAt, Instant readAt, String readByName) {
	}

	record PhotoFacts(UUID id, String contentType, long size) {
	}

	private final DatabaseClient db;

	MessageRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> insert(UUID id, UUID patientId, String team, String authorKind, String subject, String name, String body,
			List<UUID> photos) {
		return this.db.sql("""
				insert into message (id, patient_id, team, author_kind, author_subject, author_name, body, photo_ids)
				values (:id, :patient, :team, :kind, :subject, :name, :body, :photos)
				""")
			.bind("id", id)
			.bind("patient", patientId)
			.bind("team", team)
			.bind("kind", authorKind)
			.bind("subject", subject)
			.bind("name", name)
			.bind("body", body)
			.bind("photos", photos.toArray(UUID[]::new))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * The newest {@code limit} messages of the patient with the given teams, oldest
	 * first.
	 */
	Flux<Row> conversation(UUID patientId, List<String> teams, int limit) {
		return this.db.sql("""
				select * from (
				  select * from message where patient_id = :patient and (:all or team = any(:teams))
				  order by sent_at desc, id desc limit :limit) newest
				order by sent_at, id
				""")
			.bind("patient", patientId)
			.bind("all", teams == null)
			.bind("teams", (teams == null) ? new String[0] : teams.toArray(String[]::new))
			.bind("limit", limit)
			.map(MessageRepository::toRow)
			.all();
	}

	Flux<PhotoFacts> photoFacts(UUID patientId, List<UUID> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.db
			.sql("select id, content_type, size from attachment where patient_id = :patient and id = any(:ids)")
			.bind("patient", patientId)
			.bind("ids", ids.toArray(UUID[]::new))
			.map((row) -> new PhotoFacts(row.get("id", UUID.class), row.get("content_type", String.class),
					row.get("size", Long.class)))
			.all();
	}

	/**
	 * Whether the photo belongs to a message of the patient in one of {@code teams} (all
	 * when null).
	 */
	Mono<Boolean> photoInConversation(UUID patientId, UUID photoId, List<String> teams) {
		return this.db.sql("""
				select exists (select 1 from message where patient_id = :patient and :photo = any(photo_ids)
				  and (:all or team = any(:teams))) as found
				""")
			.bind("patient", patientId)
			.bind("photo", photoId)
			.bind("all", teams == null)
			.bind("teams", (teams == null) ? new String[0] : teams.toArray(String[]::new))
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

	/** Photos already sent in a message (each photo goes with one message only). */
	Mono<Long> photosAlreadySent(UUID patientId, List<UUID> ids) {
		return this.db.sql("select count(*) as n from message where patient_id = :patient and photo_ids && :ids")
			.bind("patient", patientId)
			.bind("ids", ids.toArray(UUID[]::new))
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Marks the other side's unread messages read; {@code teams} limits a nurse to their
	 * teams' messages (null: all, for the patient). Returns how many.
	 */
	Mono<Long> markRead(UUID patientId, String authorKind, List<String> teams, String subject, String name,
			Instant at) {
		return this.db.sql("""
				update message set read_at = :at, read_by_subject = :subject, read_by_name = :name
				where patient_id = :patient and author_kind = :kind and read_at is null and (:all or team = any(:teams))
				""")
			.bind("at", at.atOffset(java.time.ZoneOffset.UTC))
			.bind("subject", subject)
			.bind("name", name)
			.bind("patient", patientId)
			.bind("kind", authorKind)
			.bind("all", teams == null)
			.bind("teams", (teams == null) ? new String[0] : teams.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	private static Row toRow(Readable row) {
		UUID[] photos = row.get("photo_ids", UUID[].class);
		return new Row(row.get("id", UUID.class), row.get("patient_id", UUID.class), row.get("team", String.class),
				row.get("author_kind", String.class), row.get("author_name", String.class),
				row.get("body", String.class), (photos == null) ? List.of() : Arrays.asList(photos),
				instant(row, "sent_at"), instant(row, "read_at"), row.get("read_by_name", String.class));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
