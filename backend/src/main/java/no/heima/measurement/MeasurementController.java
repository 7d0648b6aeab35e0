package no.heima.measurement;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import no.heima.idempotency.Idempotency;
import no.heima.idempotency.StoredResponse;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.problem.Problems;
import no.heima.vital.Vital;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api")
class MeasurementController {

	private final MeasurementService measurements;

	private final CurrentUsers users;

	private final Idempotency idempotency;

	private final JsonMapper json;

	private final Validator validator;

	MeasurementController(MeasurementService measurements, CurrentUsers users, Idempotency idempotency, JsonMapper json,
			Validator validator) {
		this.validator = validator;
		this.measurements = measurements;
		this.users = users;
		this.idempotency = idempotency;
		this.json = json;
	}

	/**
	 * Records a measurement. The body is hashed as sent, so a retry must resend the same
	 * bytes with the same {@code Idempotency-Key}; it then gets the first answer again.
	 */
	@Allowed(Role.PATIENT)
	@PostMapping(path = "/me/measurements", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "201", description = "Recorded (or the first answer again for a repeated key)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = Measurement.class)))
	Mono<ResponseEntity<String>> record(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = MeasurementSubmission.class))) @RequestBody String body) {
		// read and checked before the idempotency record is written, so a refused body
		// leaves nothing behind
		return this.users.current()
			.flatMap((user) -> Mono.fromCallable(() -> parse(body))
				.flatMap((submission) -> this.idempotency.execute(user.subject(), key, body,
						() -> this.measurements.record(user, submission)
							.map((m) -> new StoredResponse(201, "/api/me/measurements/" + m.id(),
									this.json.writeValueAsString(m))))))
			.map((stored) -> ResponseEntity.status(stored.status())
				.location(URI.create(stored.location()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(stored.json()));
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/me/measurements")
	Mono<List<Measurement>> own(@RequestParam(required = false) Vital vital,
			@RequestParam(defaultValue = "P90D") Period period) {
		return this.users.current().flatMap((user) -> this.measurements.own(user, vital, period));
	}

	@Allowed(Role.CLINICIAN)
	@GetMapping("/patients/{patientId}/measurements")
	Mono<List<Measurement>> ofPatient(@PathVariable UUID patientId, @RequestParam(required = false) Vital vital,
			@RequestParam(defaultValue = "P90D") Period period) {
		return this.users.current().flatMap((user) -> this.measurements.ofPatient(user, patientId, vital, period));
	}

	private MeasurementSubmission parse(String body) {
		MeasurementSubmission submission;
		try {
			submission = this.json.readValue(body, MeasurementSubmission.class);
		}
		catch (JacksonException ex) {
			throw Problems.exceptionOf(ex);
		}
		if (submission == null) {
			throw new HeimaProblemException(ProblemType.MALFORMED_REQUEST, "Send the measurement as a JSON object");
		}
		List<FieldProblem> problems = this.validator.validate(submission)
			.stream()
			.map((v) -> new FieldProblem(v.getPropertyPath().toString(), "invalid", v.getMessage()))
			.sorted(java.util.Comparator.comparing(FieldProblem::field))
			.toList();
		if (!problems.isEmpty()) {
			throw HeimaProblemException.validation(problems);
		}
		return submission;
	}

}
