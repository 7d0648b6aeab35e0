package no.heima.attachment;

import java.net.URI;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Patients upload a file for an attachment question as the raw request body (any
 * Content-Type: the server looks at the bytes), naming the question it answers.
 */
@Allowed(Role.PATIENT)
@RestController
class AttachmentController {

	private final AttachmentService attachments;

	private final CurrentUsers users;

	AttachmentController(AttachmentService attachments, CurrentUsers users) {
		this.attachments = attachments;
		this.users = users;
	}

	@PostMapping("/api/me/attachments")
	Mono<ResponseEntity<Uploaded>> upload(@RequestParam String questionnaire, @RequestParam String linkId,
			@RequestParam(required = false) String title,
			@RequestHeader(name = "Accept-Language", required = false) String language, ServerHttpRequest request) {
		return this.users.current()
			.flatMap((user) -> this.attachments.upload(user, questionnaire, linkId, title, firstLanguage(language),
					request.getBody()))
			.map((uploaded) -> ResponseEntity.created(URI.create(uploaded.url())).body(uploaded));
	}

	private static String firstLanguage(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return null;
		}
		try {
			var ranges = java.util.Locale.LanguageRange.parse(acceptLanguage);
			return ranges.isEmpty() || "*".equals(ranges.get(0).getRange()) ? null : ranges.get(0).getRange();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
