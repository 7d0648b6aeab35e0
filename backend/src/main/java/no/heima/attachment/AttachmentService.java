package no.heima.attachment;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.identity.CurrentUser;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.questionnaire.AttachmentFacts;
import no.heima.questionnaire.AttachmentRules;
import no.heima.questionnaire.QuestionnaireService;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads of files for attachment questions. A file is checked against the question that
 * asks for it before it is kept: its type from its bytes ({@link MediaTypes}) among the
 * item's {@code mimeType}s (photos when the item names none) and its size within
 * {@code maxSize} (reading stops one byte past the limit, so an oversized upload is never
 * held in memory whole). Kept in PostgreSQL ({@code attachment}), referenced from the
 * answer by url; a submission checks the referenced file again (it must be the patient's
 * own) and the write-back carries its bytes.
 */
@Service
public class AttachmentService {

	/** Where uploads are found; answers refer to them as this plus the id. */
	public static final String URL_PREFIX = "/api/me/attachments/";

	/** When the question sets no maxSize, and the most any question may allow. */
	static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;

	static final long HARD_MAX_SIZE = 20L * 1024 * 1024;

	private static final List<String> PHOTOS = List.of(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.HEIC,
			MediaTypes.HEIF);

	private static final Pattern URL = Pattern.compile("(?:^|/)api/me/attachments/([0-9a-fA-F-]{36})$");

	private final PatientService patients;

	private final QuestionnaireService questionnaires;

	private final AttachmentRepository repository;

	private final AuditLog audit;

	AttachmentService(PatientService patients, QuestionnaireService questionnaires, AttachmentRepository repository,
			AuditLog audit) {
		this.patients = patients;
		this.questionnaires = questionnaires;
		this.repository = repository;
		this.audit = audit;
	}

	public Mono<Uploaded> upload(CurrentUser actor, String questionnaire, String linkId, String title, String language,
			Flux<DataBuffer> body) {
		if (questionnaire == null || linkId == null) {
			return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("questionnaire", "required",
					"questionnaire (url|version) and linkId name the question the file answers"))));
		}
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.questionnaires.attachmentRules(questionnaire, linkId, language)
				.switchIfEmpty(Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("linkId",
						"not-an-attachment-question", "No attachment question " + linkId + " in " + questionnaire)))))
				.flatMap((rules) -> read(body, rules).flatMap((bytes) -> {
					String type = MediaTypes.sniff(bytes);
					List<String> allowed = rules.mimeTypes().isEmpty() ? PHOTOS : rules.mimeTypes();
					if (!allowed.contains(type)) {
						return Mono.error(refused(rules, ProblemType.ATTACHMENT_TYPE, String.join(", ", allowed)));
					}
					StoredAttachment stored = new StoredAttachment(UUID.randomUUID(), patient.id(), type, bytes.length,
							clean(title), bytes);
					return this.repository.insert(stored, sha256(bytes))
						.then(this.audit.success(actor, patient.id(), AuditAction.CREATE, "Attachment",
								"attachment for " + linkId + " " + type + " " + bytes.length + " bytes"))
						.thenReturn(new Uploaded(stored.url(), type, bytes.length, stored.title()));
				})));
	}

	/**
	 * The patient's uploads a response refers to (by url), with their bytes; urls that
	 * are not the patient's own uploads are left out.
	 */
	public Mono<Map<String, StoredAttachment>> referenced(UUID patientId, Set<String> urls) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String url : urls) {
			idOf(url).ifPresent(ids::add);
		}
		return this.repository.find(patientId, ids)
			.collect(Collectors.toMap(StoredAttachment::url, (a) -> a, (a, b) -> a));
	}

	/**
	 * For the conformance engine: an answer's attachment by url (one of {@code uploads})
	 * or inline data.
	 */
	public static AttachmentFacts.Resolver resolver(Map<String, StoredAttachment> uploads) {
		return (attachment) -> {
			if (attachment.hasUrl()) {
				Optional<UUID> id = idOf(attachment.getUrl());
				StoredAttachment found = id.map((i) -> uploads.get(URL_PREFIX + i)).orElse(null);
				return Optional.ofNullable(found).map((a) -> new AttachmentFacts(a.contentType(), a.size()));
			}
			return InlineAttachments.facts(attachment);
		};
	}

	/**
	 * The upload id in an answer's url ({@code /api/me/attachments/<id>}), if it is one.
	 */
	public static Optional<UUID> idOfUrl(String url) {
		return idOf(url);
	}

	/**
	 * For the care team's read of a response (the caller checks access and audits): one
	 * upload of the patient, bytes included.
	 */
	public Mono<StoredAttachment> ofPatient(UUID patientId, UUID id) {
		return this.repository.find(patientId, List.of(id)).next();
	}

	static Optional<UUID> idOf(String url) {
		if (url == null) {
			return Optional.empty();
		}
		Matcher m = URL.matcher(url);
		if (!m.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(m.group(1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Mono<byte[]> read(Flux<DataBuffer> body, AttachmentRules rules) {
		long limit = Math.min(HARD_MAX_SIZE, rules.maxSize() == null ? DEFAULT_MAX_SIZE
				: rules.maxSize().min(BigDecimal.valueOf(HARD_MAX_SIZE)).longValue());
		return DataBufferUtils.join(body, (int) limit).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.switchIfEmpty(Mono.error(refused(rules, ProblemType.ATTACHMENT_TYPE, "empty file")))
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> refused(rules, ProblemType.ATTACHMENT_TOO_LARGE, String.valueOf(limit)));
	}

	private static HeimaProblemException refused(AttachmentRules rules, ProblemType type, String limit) {
		String slug = type.uri().substring(type.uri().lastIndexOf(':') + 1);
		String message = type.title() + " (" + limit + ")";
		return new HeimaProblemException(type, rules.text() + ": " + message,
				List.of(new FieldProblem(rules.linkId(), slug, message)),
				Map.of("answers", List.of(Map.of("linkId", rules.linkId(), "text", rules.text(), "type", type.uri(),
						"limit", limit, "message", message))));
	}

	private static String clean(String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String t = title.replace("\u0000", "").strip();
		return t.length() > 200 ? t.substring(0, 200) : t;
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
