package no.heima.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cohort CSV: one row per measured value and per questionnaire score, streamed from
 * PostgreSQL into the response a batch of rows at a time (never the whole file in
 * memory), and its data dictionary.
 */
@Allowed(Role.ADMIN)
@RestController
@RequestMapping("/api/admin/exports")
class CsvExportController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final int ROWS_PER_BUFFER = 256;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final CohortQueries queries;

	private final ExportAccess access;

	private final ExportProperties properties;

	CsvExportController(CohortQueries queries, ExportAccess access, ExportProperties properties) {
		this.queries = queries;
		this.access = access;
		this.properties = properties;
	}

	@GetMapping("/dictionary")
	Mono<List<CsvColumn.Entry>> dictionary() {
		return this.access.admin("cohort-csv-dictionary")
			.thenReturn(Arrays.stream(CsvColumn.values()).map(CsvColumn::entry).toList());
	}

	@GetMapping(path = "/cohort.csv", produces = "text/csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> csv(@RequestParam(required = false) String team,
			@RequestParam(required = false) UUID pathway,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean pseudonymise) {
		return this.access.admin("cohort-csv").flatMap((user) -> {
			Cohort cohort = Cohort.of(team, pathway, from, to);
			Pseudonyms pseudonyms = pseudonymise ? this.properties.pseudonyms(Pseudonyms.newSalt()) : null;
			String detail = "cohort CSV " + cohort.describe() + " pseudonymised=" + pseudonymise;
			return this.access.exported(user, "cohort-csv", detail, this.queries.patients(cohort))
				.thenReturn(ResponseEntity.ok()
					.contentType(CSV)
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment().filename(fileName(cohort)).build().toString())
					.header(HttpHeaders.CACHE_CONTROL, "no-store")
					.body(body(cohort, pseudonyms)));
		});
	}

	private Flux<DataBuffer> body(Cohort cohort, Pseudonyms pseudonyms) {
		String header = FORMAT.format(Arrays.stream(CsvColumn.values()).map(CsvColumn::column).toArray()) + "\r\n";
		Flux<String> rows = this.queries.csvRows(cohort).map((row) -> {
			if (pseudonyms != null) {
				row[CsvColumn.PATIENT.ordinal()] = pseudonyms.of(row[CsvColumn.PATIENT.ordinal()]);
			}
			return FORMAT.format((Object[]) row) + "\r\n";
		});
		return Flux.concat(Flux.just(header), rows)
			.buffer(ROWS_PER_BUFFER)
			.map((lines) -> DefaultDataBufferFactory.sharedInstance
				.wrap(String.join("", lines).getBytes(StandardCharsets.UTF_8)));
	}

	private static String fileName(Cohort cohort) {
		return "heima-cohort-" + ((cohort.team() != null) ? cohort.team() + "-" : "")
				+ LocalDate.ofInstant(cohort.to(), Cohort.ZONE).minusDays(1) + ".csv";
	}

}
