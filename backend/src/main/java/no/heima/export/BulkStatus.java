package no.heima.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.identity.CurrentUser;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a bulk export's status URL and file URLs answer, from the job's row: any replica
 * answers the same.
 */
@Component
class BulkStatus {

	static final MediaType NDJSON = MediaType.parseMediaType("application/fhir+ndjson");

	private final BulkJobs jobs;

	private final ExportAccess access;

	private final String publicUrl;

	BulkStatus(BulkJobs jobs, ExportAccess access, @Value("${heima.public-url:}") String publicUrl) {
		this.jobs = jobs;
		this.access = access;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/**
	 * Heima's base URL for the status and file URLs: {@code heima.public-url} where set
	 * (never a request's Host header), else as the caller reached it (the local run).
	 */
	String base(ServerHttpRequest request) {
		if (!this.publicUrl.isEmpty()) {
			return this.publicUrl;
		}
		return UriComponentsBuilder.fromUri(request.getURI())
			.replacePath(null)
			.replaceQuery(null)
			.build()
			.toUriString();
	}

	Mono<ResponseEntity<Object>> of(CurrentUser user, UUID id, ServerHttpRequest request) {
		return found(id).<ResponseEntity<Object>>flatMap((job) -> switch (job.status()) {
			case ACCEPTED,
					RUNNING ->
				Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED)
					.header("X-Progress", job.progress())
					.header(HttpHeaders.RETRY_AFTER, "2")
					.header(HttpHeaders.CACHE_CONTROL, "no-store")
					.<Object>build());
			case FAILED -> Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
				.contentType(MediaType.parseMediaType(FhirJson.MEDIA_TYPE))
				.<Object>body(FhirJson.write(failure())));
			case COMPLETED -> this.jobs.files(id)
				.collectList()
				.flatMap((files) -> this.access
					.read(user, "fhir-bulk-export-status", "manifest of FHIR bulk export " + id)
					.thenReturn(ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.header(HttpHeaders.CACHE_CONTROL, "no-store")
						.<Object>body(manifest(job, files, base(request)))));
			case CANCELLED -> Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such export"));
		});
	}

	Mono<ResponseEntity<Flux<DataBuffer>>> file(CurrentUser user, UUID id, String file) {
		String type = file.endsWith(".ndjson") ? file.substring(0, file.length() - ".ndjson".length()) : "";
		if (!BulkJob.TYPES.contains(type)) {
			return Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such file"));
		}
		return found(id).filter((job) -> job.status() == BulkJob.Status.COMPLETED)
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such file")))
			.flatMap((job) -> this.access.read(user, "fhir-bulk-export-file",
					"downloaded " + type + " of FHIR bulk export " + id))
			.thenReturn(ResponseEntity.ok()
				.contentType(NDJSON)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(this.jobs.chunks(id, type).map(DefaultDataBufferFactory.sharedInstance::wrap)));
	}

	private Mono<BulkJob> found(UUID id) {
		return this.jobs.find(id)
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such export")));
	}

	private static Map<String, Object> manifest(BulkJob job, List<BulkJobs.FileSummary> files, String base) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("transactionTime", job.transactionTime().toString());
		manifest.put("request", job.requestUrl());
		manifest.put("requiresAccessToken", true);
		manifest.put("output", BulkJob.TYPES.stream()
			.flatMap((type) -> files.stream().filter((f) -> f.type().equals(type)))
			.map((f) -> Map.of("type", f.type(), "url",
					base + "/api/fhir/bulk-files/" + job.id() + "/" + f.type() + ".ndjson", "count", f.resources()))
			.toList());
		manifest.put("error", List.of());
		return manifest;
	}

	private static OperationOutcome failure() {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.EXCEPTION)
			.setDiagnostics("The export failed; start it again");
		return outcome;
	}

}
