package no.heima.attachment;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class AttachmentRepository {

	private final DatabaseClient db;

	AttachmentRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> insert(StoredAttachment a, String sha256) {
		var spec = this.db.sql("""
				insert into attachment (id, patient_id, content_type, size, sha256, title, data)
				values (:id, :patient, :type, :size, :sha, :title, :data)
				""")
			.bind("id", a.id())
			.bind("patient", a.patientId())
			.bind("type", a.contentType())
			.bind("size", a.size())
			.bind("sha", sha256)
			.bind("data", ByteBuffer.wrap(a.data()));
		spec = (a.title() == null) ? spec.bindNull("title", String.class) : spec.bind("title", a.title());
		return spec.fetch().rowsUpdated().then();
	}

	/** The patient's own attachments among {@code ids}; others' are never returned. */
	Flux<StoredAttachment> find(UUID patientId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("""
				select id, patient_id, content_type, size, title, data from attachment
				where patient_id = :patient and id = any(:ids)
				""").bind("patient", patientId).bind("ids", ids.toArray(UUID[]::new)).map((row) -> {
			ByteBuffer data = row.get("data", ByteBuffer.class);
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			return new StoredAttachment(row.get("id", UUID.class), row.get("patient_id", UUID.class),
					row.get("content_type", String.class), row.get("size", Long.class), row.get("title", String.class),
					bytes);
		}).all();
	}

}
