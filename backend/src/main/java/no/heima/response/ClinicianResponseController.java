package no.heima.response;

import java.util.List;
import java.util.UUID;
import no.heima.identity.CurrentUsers;
import no.heima.questionnaire.Translations;
import org.springframework.http.HttpHeaders;
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

	/** nb or en: the two languages Heima's texts are written in. */
	static String language(String lang, String acceptLanguage) {
		String wanted = (lang != null && !lang.isBlank()) ? lang
				: (acceptLanguage != null) ? acceptLanguage.split(",")[0].split(";")[0] : null;
		String primary = Translations.primarySubtag(wanted);
		return "en".equals(primary) ? "en" : Translations.DEFAULT_LANGUAGE;
	}

}
