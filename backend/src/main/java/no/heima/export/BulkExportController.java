package no.heima.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * FHIR Bulk Data {@code $export} (the asynchronous request pattern of the Bulk Data
 * Access IG): kick-off answers 202 with the status URL in {@code Content-Location}; the
 * status answers 202 with {@code X-Progress} while the export runs and 200 with the
 * manifest when done; DELETE cancels. Besides {@code _type} and {@code _since}: the
 * cohort ({@code team}, {@code pathway}) and {@code pseudonymise}.
 */
@Allowed(Role.ADMIN)
@RestController
@RequestMapping("/api/fhir")
class BulkExportController {

	private static final List<String> FORMATS = List.of("application/fhir+ndjson", "application/ndjson", "ndjson");

	private final BulkJobs jobs;

	private final CohortQueries queries;

	private final ExportAccess access;

	private final ExportProperties properties;

	private final BulkStatus status;

	BulkExportController(BulkJobs jobs, CohortQueries queries, ExportAccess access, ExportProperties properties,
			BulkStatus status) {
		this.jobs = jobs;
		this.queries = queries;
		this.access = access;
		this.properties = properties;
		this.status = status;
	}

	@GetMapping("/$export")
	Mono<ResponseEntity<Void>> kickOff(@RequestParam(name = "_type", required = false) String type,
			@RequestParam(name = "_since", required = false) String since,
			@RequestParam(name = "_outputFormat", required = false) String outputFormat,
			@RequestParam(required = false) String team, @RequestParam(required = false) UUID pathway,
			@RequestParam(defaultValue = "false") boolean pseudonymise,
			@RequestHeader(name = "Prefer", required = false) String prefer, ServerHttpRequest request) {
		return this.access.admin("fhir-bulk-export").flatMap((user) -> {
			List<String> types = types(type);
			Instant from = since(since);
			check(prefer, outputFormat);
			Cohort cohort = Cohort.scope(team, pathway);
			if (pseudonymise) {
				this.properties.requirePseudonymSecret();
			}
			UUID id = UUID.randomUUID();
			String detail = "FHIR bulk export " + id + " types=" + String.join(",", types) + " since="
					+ ((from != null) ? from : "*") + " " + cohort.describe() + " pseudonymised=" + pseudonymise;
			return this.access.exported(user, "fhir-bulk-export", detail, this.queries.patients(cohort))
				.then(this.jobs.insert(id, request.getURI().toString(), types, from, cohort,
						pseudonymise ? Pseudonyms.newSalt() : null, user.subject(), this.properties.keepFor()))
				.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
					.header("Content-Location", this.status.base(request) + "/api/fhir/bulk-status/" + id)
					.<Void>build());
		});
	}

	@GetMapping("/bulk-status/{id}")
	Mono<ResponseEntity<Object>> status(@PathVariable UUID id, ServerHttpRequest request) {
		return this.access.admin("fhir-bulk-export-status").flatMap((user) -> this.status.of(user, id, request));
	}

	@DeleteMapping("/bulk-status/{id}")
	Mono<ResponseEntity<Void>> cancel(@PathVariable UUID id) {
		return this.access.admin("fhir-bulk-export-status")
			.flatMap((user) -> this.jobs.cancel(id)
				.flatMap((cancelled) -> cancelled
						? this.access.read(user, "fhir-bulk-export-status", "cancelled FHIR bulk export " + id)
							.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).<Void>build())
						: Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such export"))));
	}

	@GetMapping("/bulk-files/{id}/{file}")
	Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable UUID id, @PathVariable String file) {
		return this.access.admin("fhir-bulk-export-file").flatMap((user) -> this.status.file(user, id, file));
	}

	private static List<String> types(String type) {
		if (type == null || type.isBlank()) {
			return BulkJob.TYPES;
		}
		List<String> asked = Arrays.stream(type.split(",", 10)).map(String::strip).distinct().toList();
		List<String> unknown = new ArrayList<>(asked);
		unknown.removeAll(BulkJob.TYPES);
		if (type.length() > 200 || !unknown.isEmpty()) {
			throw HeimaProblemException.validation(List
				.of(new FieldProblem("_type", "unsupported", "Supported types: " + String.join(", ", BulkJob.TYPES))));
		}
		return BulkJob.TYPES.stream().filter(asked::contains).toList();
	}

	private static Instant since(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		try {
			if (since.length() > 40) {
				throw new DateTimeParseException("too long", since, 0);
			}
			return OffsetDateTime.parse(since.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw HeimaProblemException
				.validation(List.of(new FieldProblem("_since", "format", "A FHIR instant, e.g. 2026-01-01T00:00:00Z")));
		}
	}

	private static void check(String prefer, String outputFormat) {
		List<FieldProblem> problems = new ArrayList<>();
		if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
			problems.add(new FieldProblem("Prefer", "required", "Bulk exports need Prefer: respond-async"));
		}
		if (outputFormat != null && !FORMATS.contains(outputFormat.strip())) {
			problems.add(new FieldProblem("_outputFormat", "unsupported", "Only application/fhir+ndjson"));
		}
		if (!problems.isEmpty()) {
			throw HeimaProblemException.validation(problems);
		}
	}

}
