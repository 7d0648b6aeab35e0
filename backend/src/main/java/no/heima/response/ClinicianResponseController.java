package no.heima.response;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.heima.attachment.MediaTypes;
import no.heima.fhir.FhirJson;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.questionnaire.Translations;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A patient's questionnaire responses for the care team. Texts come in the viewer's
 * language: {@code lang} (nb or en) when given, else the first language of
 * {@code Accept-Language}, else Norwegian.
 */
@Allowed(Role.CLINICIAN)
@RestController
@RequestMapping("/api/patients/{patientId}/responses")
class ClinicianResponseController {

	private final ClinicianResponses responses;

	private final CurrentUsers users;

	ClinicianResponseController(ClinicianResponses responses, CurrentUsers users) {
		this.responses = responses;
		this.users = users;
	}

	@GetMapping
	Mono<List<ResponseReading.Summary>> list(@PathVariable UUID patientId, @RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return this.users.current()
			.flatMap((user) -> this.responses.list(user, patientId, language(lang, acceptLanguage)));
	}

	@GetMapping("/{responseId}")
	Mono<ResponseReading.Detail> detail(@PathVariable UUID patientId, @PathVariable UUID responseId,
			@RequestParam(required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		return this.users.current()
			.flatMap((user) -> this.responses.detail(user, patientId, responseId, language(lang, acceptLanguage)));
	}

	/** The response as stored: a FHIR R4 QuestionnaireResponse. */
	@GetMapping(path = "/{responseId}/fhir", produces = FhirJson.MEDIA_TYPE)
	Mono<String> resource(@PathVariable UUID patientId, @PathVariable UUID responseId) {
		return this.users.current().flatMap((user) -> this.responses.resource(user, patientId, responseId));
	}

	/**
	 * A file the patient attached to the response. The type is read again from the bytes:
	 * JPEG and PNG are shown inline as what they are; anything else (HEIC, which browsers
	 * do not show, or whatever else) only as a download of unknown type. Never cached,
	 * never sniffed, never run (no scripts, no plug-ins).
	 */
	@GetMapping("/{responseId}/attachments/{attachmentId}")
	Mono<ResponseEntity<byte[]>> attachment(@PathVariable UUID patientId, @PathVariable UUID responseId,
			@PathVariable UUID attachmentId) {
		return this.users.current()
			.flatMap((user) -> this.responses.attachment(user, patientId, responseId, attachmentId))
			.map((file) -> {
				String type = MediaTypes.sniff(file.data());
				boolean image = MediaTypes.JPEG.equals(type) || MediaTypes.PNG.equals(type);
				ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
					.filename((file.title() != null) ? file.title() : attachmentId.toString(), StandardCharsets.UTF_8)
					.build();
				return ResponseEntity.ok()
					.contentType(image ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM)
					.contentLength(file.data().length)
					.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
					.header("X-Content-Type-Options", "nosniff")
					.header("Content-Security-Policy", "default-src 'none'; sandbox")
					.cacheControl(CacheControl.noStore().cachePrivate())
					.body(file.data());
			});
	}

	/** nb or en: the two languages Heima's texts are written in. */
	static String language(String lang, String acceptLanguage) {
		String wanted = (lang != null && !lang.isBlank()) ? lang
				: (acceptLanguage != null) ? acceptLanguage.split(",")[0].split(";")[0] : null;
		String primary = Translations.primarySubtag(wanted);
		return "en".equals(primary) ? "en" : Translations.DEFAULT_LANGUAGE;
	}

}
