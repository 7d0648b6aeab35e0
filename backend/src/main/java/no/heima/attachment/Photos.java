package no.heima.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Photos that are not answers to a question (a patient's message photos): kept in the
 * same {@code attachment} table, with the same rule that the type is what the bytes show
 * ({@link MediaTypes}), JPEG, PNG or HEIC/HEIF only. Reading stops one byte past the
 * limit, so an oversized upload is never held whole. Callers audit.
 */
@Component
public class Photos {

	public static final Set<String> TYPES = Set.of(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.HEIC, MediaTypes.HEIF);

	private final AttachmentRepository repository;

	Photos(AttachmentRepository repository) {
		this.repository = repository;
	}

	/**
	 * Reads, checks and keeps a photo of the patient; the problem names {@code field}.
	 */
	public Mono<StoredAttachment> store(UUID patientId, Flux<DataBuffer> body, long maxSize, String field) {
		return DataBufferUtils.join(body, (int) Math.min(maxSize, AttachmentService.HARD_MAX_SIZE)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.switchIfEmpty(Mono.error(refused(field, ProblemType.ATTACHMENT_TYPE, "empty file")))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> refused(field, ProblemType.ATTACHMENT_TOO_LARGE, String.valueOf(maxSize)))
			.flatMap((bytes) -> {
				String type = MediaTypes.sniff(bytes);
				if (!TYPES.contains(type)) {
					return Mono
						.error(refused(field, ProblemType.ATTACHMENT_TYPE, "JPEG, PNG, HEIC; the bytes are " + type));
				}
				StoredAttachment stored = new StoredAttachment(UUID.randomUUID(), patientId, type, bytes.length, null,
						bytes);
				return this.repository.insert(stored, sha256(bytes)).thenReturn(stored);
			});
	}

	/** The patient's own attachments among {@code ids}, bytes included. */
	public Flux<StoredAttachment> find(UUID patientId, Collection<UUID> ids) {
		return this.repository.find(patientId, ids);
	}

	private static HeimaProblemException refused(String field, ProblemType type, String limit) {
		String slug = type.uri().substring(type.uri().lastIndexOf(':') + 1);
		String message = "A photo: "
				+ type.title().replace(" the question takes", "").replace(" the question allows", " allowed") + " ("
				+ limit + ")";
		return new HeimaProblemException(type, message, List.of(new FieldProblem(field, slug, message)),
				Map.of("limit", limit));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
