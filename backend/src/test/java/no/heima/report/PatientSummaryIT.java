package no.heima.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The summary through the API: a patient's glucose values submitted as the patient,
 * triaged against the pathway's bounds, come back as figures in the nurse's PDF; the next
 * summary starts where the last ended; a nurse of another team gets 404, the patient 403,
 * and the summary made is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSummaryIT extends IntegrationTest {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	@Autowired
	DatabaseClient db;

	private UUID kari;

	private String plan;

	@BeforeAll
	void enrolKariOnGlucose() {
		Map<String, Object> definition = Map.of("name", "Blodsukker til oppsummering", "activities", List
			.of(Map.of("id", "glu", "type", "MEASUREMENT", "title", "Blodsukker", "vital", "BLOOD_GLUCOSE", "schedule",
					Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59"), "thresholds",
					List.of(Map.of("code", "14743-9", "redLow", 3, "yellowLow", 4, "yellowHigh", 10, "redHigh", 15)))));
		String pathway = (String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		as("admin").post().uri("/api/pathways/" + pathway + "/publish").exchange().expectStatus().isOk();
		this.kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		this.plan = (String) as("sykepleier1").post()
			.uri("/api/patients/" + this.kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate", LocalDate.now(OSLO).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		Instant now = Instant.now();
		glucose("5.4", now.minus(Duration.ofHours(3)));
		glucose("11.2", now.minus(Duration.ofHours(2)));
		glucose("16.8", now.minus(Duration.ofHours(1)));
	}

	@Test
	void theNurseGetsTheFiguresInAPdf() throws IOException {
		String from = LocalDate.now(OSLO).minusDays(1).toString();
		String text = pdfText("/api/patients/" + this.kari + "/summary.pdf?lang=nb&from=" + from);

		assertThat(text).contains("Oppsummering av hjemmeoppfølging", "Kari Nordvik", "Blodsukker til oppsummering");
		assertThat(text).contains("Blodsukker (mmol/L)");
		// count, lowest, highest, latest; then green / yellow / red
		assertThat(text).contains("3 5,4 16,8 16,8").contains("1 / 1 / 1");
		// (the cell may wrap before its last bound)
		assertThat(text).contains("gul under 4 eller over 10, rød under 3 eller");

		Long audited = this.db.sql(
				"select count(*) from audit_event where patient_id = :p and resource = 'summary-pdf' and outcome = 'SUCCESS'")
			.bind("p", this.kari)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		assertThat(audited).isPositive();
	}

	@Test
	void theNextSummaryStartsWhereTheLastEnded() throws IOException {
		pdfText("/api/patients/" + this.kari + "/summary.pdf?lang=en");
		Instant lastEnd = lastEnd();
		pdfText("/api/patients/" + this.kari + "/summary.pdf?lang=en");
		Instant start = this.db
			.sql("select period_from from patient_summary where patient_id = :p order by made_at desc limit 1")
			.bind("p", this.kari)
			.map((row) -> row.get(0, java.time.OffsetDateTime.class).toInstant())
			.one()
			.block();
		assertThat(start).isEqualTo(lastEnd);
	}

	@Test
	void othersCannotHaveIt() {
		as("sykepleier2").get()
			.uri("/api/patients/" + this.kari + "/summary.pdf")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		as("pasient1").get().uri("/api/patients/" + this.kari + "/summary.pdf").exchange().expectStatus().isForbidden();
		this.web.get().uri("/api/patients/" + this.kari + "/summary.pdf").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aPeriodThatCannotBeIsRefused() {
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/summary.pdf?from=2026-05-01&to=2026-04-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation");
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/summary.pdf?from=2020-01-01&to=2026-01-01")
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("sykepleier1").get()
			.uri("/api/patients/" + this.kari + "/summary.pdf?from=yesterday")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private Instant lastEnd() {
		return this.db.sql("select max(period_to) from patient_summary where patient_id = :p")
			.bind("p", this.kari)
			.map((row) -> row.get(0, java.time.OffsetDateTime.class).toInstant())
			.one()
			.block();
	}

	private String pdfText(String uri) throws IOException {
		// the first document of a JVM loads fonts and the SVG renderer: slow on a loaded
		// CI machine
		byte[] pdf = as("sykepleier1").mutate()
			.responseTimeout(Duration.ofSeconds(120))
			.build()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"heima-summary-.*\\.pdf\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(doc).replace('\u00a0', ' ');
		}
	}

	private void glucose(String value, Instant at) {
		as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"vital\":\"BLOOD_GLUCOSE\",\"carePlanId\":\"" + this.plan + "\",\"activityId\":\"glu\","
					+ "\"measuredAt\":\"" + at + "\",\"values\":[{\"code\":\"14743-9\",\"value\":" + value
					+ ",\"unit\":\"mmol/L\"}]}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
