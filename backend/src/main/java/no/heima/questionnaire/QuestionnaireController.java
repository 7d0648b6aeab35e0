package no.heima.questionnaire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Allowed({ Role.CLINICIAN, Role.ADMIN })
@RestController
@RequestMapping("/api/questionnaires")
class QuestionnaireController {

	static final String FHIR_JSON = "application/fhir+json";

	private static final MediaType FHIR_JSON_TYPE = MediaType.parseMediaType(FHIR_JSON);

	private final QuestionnaireLibrary library;

	private final CurrentUsers users;

	private final QuestionnaireProperties properties;

	QuestionnaireController(QuestionnaireLibrary library, CurrentUsers users, QuestionnaireProperties properties) {
		this.library = library;
		this.users = users;
		this.properties = properties;
	}

	/**
	 * ADMIN: import one FHIR R4 Questionnaire (JSON); 201 with the stored version. The
	 * body is read here, up to {@code heima.questionnaire.max-import-size}, rather than
	 * through the codecs and their 256 KB limit.
	 */
	@Allowed(Role.ADMIN)
	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, FHIR_JSON })
	Mono<ResponseEntity<ImportResult>> importQuestionnaire(ServerHttpRequest request) {
		return users.current()
			.flatMap(user -> library.importQuestionnaire(user, body(request)))
			.map(result -> ResponseEntity.created(URI.create("/api/questionnaires/" + result.questionnaire().id()))
				.body(result));
	}

	/** CLINICIAN, ADMIN: the library by url, each with all its versions. */
	@GetMapping
	Mono<QuestionnairePage> list(@RequestParam(required = false) String url, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return users.current().flatMap(user -> library.list(user, url, page, size));
	}

	/** Any logged-in user: one version as FHIR JSON (without version: the newest). */
	@Allowed(everyLogin = true)
	@GetMapping("/by-canonical")
	Mono<ResponseEntity<String>> byCanonical(@RequestParam(required = false) String url,
			@RequestParam(required = false) String version) {
		return users.current().flatMap(user -> library.jsonByCanonical(user, url, version)).map(this::fhirJson);
	}

	/** CLINICIAN, ADMIN: one version as FHIR JSON. */
	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable UUID id) {
		return users.current().flatMap(user -> library.json(user, id)).map(this::fhirJson);
	}

	/**
	 * CLINICIAN, ADMIN: one version's library entry (status, retired, who imported it).
	 */
	@GetMapping("/{id}/summary")
	Mono<QuestionnaireRef> summary(@PathVariable UUID id) {
		return users.current().flatMap(user -> library.ref(user, id));
	}

	/** ADMIN: retire one version; it stays readable. */
	@Allowed(Role.ADMIN)
	@PostMapping("/{id}/retire")
	Mono<QuestionnaireRef> retire(@PathVariable UUID id) {
		return users.current().flatMap(user -> library.retire(user, id));
	}

	private Mono<String> body(ServerHttpRequest request) {
		DataSize limit = properties.maxImportSize();
		return DataBufferUtils.join(request.getBody(), (int) Math.min(limit.toBytes(), Integer.MAX_VALUE))
			.map(buffer -> {
				try {
					return buffer.toString(StandardCharsets.UTF_8);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class,
					tooLarge -> new HeimaProblemException(ProblemType.INVALID_QUESTIONNAIRE,
							"The questionnaire is larger than " + limit.toMegabytes() + " MB",
							List.of(new FieldProblem("body", "too-large", "At most " + limit.toMegabytes() + " MB"))));
	}

	private ResponseEntity<String> fhirJson(String json) {
		return ResponseEntity.ok().contentType(FHIR_JSON_TYPE).body(json);
	}

}
