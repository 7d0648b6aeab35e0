package no.heima.response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.idempotency.Idempotency;
import no.heima.idempotency.StoredResponse;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Allowed(Role.PATIENT)
@RestController
@RequestMapping("/api/me")
class ResponseController {

	private final ResponseService responses;

	private final ResponseDrafts drafts;

	private final CurrentUsers users;

	private final Idempotency idempotency;

	private final JsonMapper json;

	ResponseController(ResponseService responses, ResponseDrafts drafts, CurrentUsers users, Idempotency idempotency,
			JsonMapper json) {
		this.responses = responses;
		this.users = users;
		this.idempotency = idempotency;
		this.drafts = drafts;
		this.json = json;
	}

	record DraftBody(JsonNode questionnaireResponse) {
	}

	@PutMapping("/response-drafts/{carePlanId}/{activityId}/{date}")
	Mono<Map<String, Instant>> saveDraft(@PathVariable UUID carePlanId, @PathVariable String activityId,
			@PathVariable LocalDate date, @RequestBody DraftBody body) {
		if (body == null || body.questionnaireResponse() == null) {
			return Mono.error(new HeimaProblemException(ProblemType.MALFORMED_REQUEST,
					"Send {\"questionnaireResponse\": {...}}"));
		}
		return this.users.current()
			.flatMap((user) -> this.drafts.save(user, carePlanId, activityId, date,
					body.questionnaireResponse().toString()))
			.map((at) -> Map.of("updatedAt", at));
	}

	@GetMapping("/response-drafts/{carePlanId}/{activityId}/{date}")
	Mono<Map<String, Object>> draft(@PathVariable UUID carePlanId, @PathVariable String activityId,
			@PathVariable LocalDate date) {
		return this.users.current()
			.flatMap((user) -> this.drafts.get(user, carePlanId, activityId, date))
			.map((d) -> Map.of("questionnaireResponse", this.json.readTree(d.questionnaireResponse()), "updatedAt",
					d.updatedAt()));
	}

	@DeleteMapping("/response-drafts/{carePlanId}/{activityId}/{date}")
	Mono<ResponseEntity<Void>> discardDraft(@PathVariable UUID carePlanId, @PathVariable String activityId,
			@PathVariable LocalDate date) {
		return this.users.current()
			.flatMap((user) -> this.drafts.discard(user, carePlanId, activityId, date))
			.thenReturn(ResponseEntity.noContent().<Void>build());
	}

	/**
	 * Submits a completed questionnaire; retries with the same Idempotency-Key get the
	 * first answer.
	 */
	@PostMapping(path = "/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
			@RequestBody String body) {
		// read before the idempotency record is written, so a refused body leaves nothing
		return this.users.current()
			.flatMap((user) -> Mono.fromCallable(() -> parse(body))
				.flatMap((submission) -> this.idempotency.execute(user.subject(), key, body,
						() -> this.responses.submit(user, submission, language(acceptLanguage))
							.map((r) -> new StoredResponse(201, "/api/me/responses/" + r.id(),
									this.json.writeValueAsString(r))))))
			.map((stored) -> ResponseEntity.status(stored.status())
				.location(URI.create(stored.location()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(stored.json()));
	}

	@GetMapping("/responses")
	Mono<List<SubmittedResponse>> own(@RequestParam(defaultValue = "P90D") Period period) {
		return this.users.current().flatMap((user) -> this.responses.own(user, period));
	}

	/**
	 * The patient's first preferred language ({@code nb-NO,nb;q=0.9,en;q=0.8} → nb-NO),
	 * null when none is given.
	 */
	static String language(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return null;
		}
		try {
			List<java.util.Locale.LanguageRange> ranges = java.util.Locale.LanguageRange.parse(acceptLanguage);
			return ranges.isEmpty() || "*".equals(ranges.get(0).getRange()) ? null : ranges.get(0).getRange();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private ResponseSubmission parse(String body) {
		ResponseSubmission submission;
		try {
			submission = this.json.readValue(body, ResponseSubmission.class);
		}
		catch (JacksonException ex) {
			throw no.heima.problem.Problems.exceptionOf(ex);
		}
		if (submission == null) {
			throw new HeimaProblemException(ProblemType.MALFORMED_REQUEST, "Send the submission as a JSON object");
		}
		return submission;
	}

}
