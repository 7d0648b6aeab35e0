package no.heima.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The patient summary for the record. {@code from} and {@code to} are days in Norway's
 * zone, both included; without {@code from} the summary starts where the team's last one
 * ended; without {@code to} it ends now.
 */
@Allowed(Role.CLINICIAN)
@RestController
class ReportController {

	private final PatientSummaries summaries;

	private final CurrentUsers users;

	ReportController(PatientSummaries summaries, CurrentUsers users) {
		this.summaries = summaries;
		this.users = users;
	}

	@GetMapping(path = "/api/patients/{patientId}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	Mono<ResponseEntity<byte[]>> summary(@PathVariable UUID patientId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String lang) {
		String language = "en".equals(lang) ? "en" : "nb";
		return this.users.current()
			.flatMap((user) -> this.summaries.pdf(user, patientId, start(from), end(to), language))
			.map((made) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(made.fileName()).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(made.pdf()));
	}

	private static Instant start(LocalDate day) {
		return (day != null) ? day.atStartOfDay(SummaryTexts.ZONE).toInstant() : null;
	}

	private static Instant end(LocalDate day) {
		return (day != null) ? day.plusDays(1).atStartOfDay(SummaryTexts.ZONE).toInstant() : null;
	}

}
