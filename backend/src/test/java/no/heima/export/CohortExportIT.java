package no.heima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.heima.population.PopulationGenerator;
import no.heima.testsupport.TestIdp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The cohort CSV on a small generated population, and the FHIR Bulk Data export across
 * two replicas (kick-off on one, polled and downloaded from both), its NDJSON validated
 * resource by resource with the HAPI validator; pseudonymised output carries no national
 * identifier and no name; refusals are problem details.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortExportIT {

	private ExportPopulation population;

	private List<List<String>> patients;

	@BeforeAll
	void populate() throws Exception {
		this.population = new ExportPopulation(new PopulationGenerator.Settings(12, 2, 120, 30, 0.3, 7), 2);
		this.patients = this.population.query("select identifier_value, given_name, family_name from patient");
	}

	@AfterAll
	void drop() throws Exception {
		if (this.population != null) {
			this.population.close();
		}
	}

	static WebTestClient client(String baseUrl, String user) {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken(user)))
			.build();
	}

	private String csv(String query) {
		return client(this.population.url(0), "admin").get()
			.uri("/api/admin/exports/cohort.csv?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<CSVRecord> records(String csv) throws Exception {
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCsvHoldsEveryValueAndScoreOfTheTeamAndItsDictionaryNamesItsColumns() throws Exception {
		String csv = csv("team=hjerte");
		List<Map<String, Object>> dictionary = client(this.population.url(1), "admin").get()
			.uri("/api/admin/exports/dictionary")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		assertThat(csv.lines().findFirst().orElseThrow())
			.isEqualTo(dictionary.stream().map((c) -> (String) c.get("name")).collect(Collectors.joining(",")));
		assertThat(dictionary).allSatisfy((c) -> assertThat(c).containsKeys("nb", "en", "type"));
		Set<String> expected = new HashSet<>();
		for (List<String> row : this.population.query("""
				select p.identifier_value, v->>'code', v->>'value', v->>'unit',
				  to_char(m.measured_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), m.triage_level
				from measurement m join care_plan cp on cp.id = m.care_plan_id join patient p on p.id = m.patient_id
				cross join lateral jsonb_array_elements(m.values) v where cp.team = 'hjerte'
				""")) {
			expected.add("measurement " + String.join(" ", row));
		}
		assertThat(expected).hasSizeGreaterThan(40);
		Set<String> seen = new HashSet<>();
		String scored = null;
		for (CSVRecord r : records(csv)) {
			assertThat(r.get("team")).isEqualTo("hjerte");
			assertThat(r.get("birth_year")).matches("19\\d\\d|20\\d\\d");
			if ("score".equals(r.get("kind"))) {
				scored = r.get("questionnaire") + " " + r.get("code") + " " + r.get("value") + " " + r.get("time");
				continue;
			}
			seen.add("measurement " + String.join(" ", r.get("patient"), r.get("code"), r.get("value"), r.get("unit"),
					r.get("time"), r.get("triage_level")));
		}
		assertThat(seen).isEqualTo(expected);
		assertThat(scored).isEqualTo(ExportPopulation.PHQ9 + " 44261-6 7 2026-11-30T08:00:00Z");
		assertThat(csv).doesNotContain("Pasient");
	}

	@Test
	void aPseudonymisedCsvHasNoNationalIdAndNoNameAndNewPseudonymsEachTime() throws Exception {
		String first = csv("pseudonymise=true");
		String second = csv("pseudonymise=true");
		assertNoIdentity(first);
		List<CSVRecord> rows = records(first);
		assertThat(rows).hasSizeGreaterThan(80);
		Set<String> pseudonyms = rows.stream().map((r) -> r.get("patient")).collect(Collectors.toSet());
		assertThat(pseudonyms).allMatch((p) -> p.matches("[0-9a-f]{32}")).hasSizeBetween(2, 12);
		Set<String> again = records(second).stream().map((r) -> r.get("patient")).collect(Collectors.toSet());
		assertThat(again).hasSameSizeAs(pseudonyms).doesNotContainAnyElementsOf(pseudonyms);
	}

	@Test
	void exportsAreForAdminsAndBadRequestsAreProblems() {
		client(this.population.url(0), "sykepleier1").get()
			.uri("/api/admin/exports/cohort.csv")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:forbidden");
		client(this.population.url(0), "sykepleier1").get()
			.uri("/api/fhir/$export")
			.header("Prefer", "respond-async")
			.exchange()
			.expectStatus()
			.isForbidden();
		client(this.population.url(1), "admin").get()
			.uri("/api/fhir/$export?_type=Patient,Encounter")
			.header("Prefer", "respond-async")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("_type");
		client(this.population.url(1), "admin").get()
			.uri("/api/fhir/$export?_since=yesterday")
			.header("Prefer", "respond-async")
			.exchange()
			.expectStatus()
			.isBadRequest();
		client(this.population.url(1), "admin").get()
			.uri("/api/fhir/$export")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("Prefer");
	}

	@Test
	void aBulkExportRunsOnEitherReplicaAndEveryResourceIsValid() throws Exception {
		BulkExportClient bulk = new BulkExportClient(this.population);
		Map<?, ?> manifest = bulk.manifest(bulk.kickOff("?team=hjerte"));
		assertThat(manifest.get("transactionTime")).isNotNull();
		assertThat((String) manifest.get("request")).contains("/api/fhir/$export?team=hjerte");
		assertThat(manifest.get("requiresAccessToken")).isEqualTo(true);
		assertThat((List<?>) manifest.get("error")).isEmpty();
		assertThat(types(manifest)).containsExactly("Patient", "Observation", "QuestionnaireResponse", "Flag");
		for (String type : BulkJob.TYPES) {
			List<String> lines = bulk.download(manifest, type);
			assertThat(lines).as(type).isNotEmpty();
			BulkExportClient.validate(lines, type);
		}
		assertThat(bulk.download(manifest, "Patient")).hasSize(6);
	}

	@Test
	void aPseudonymisedBulkExportHasNoNationalIdAndNoNameAndTypeAndSinceAreHonoured() throws Exception {
		BulkExportClient bulk = new BulkExportClient(this.population);
		Map<?, ?> manifest = bulk.manifest(bulk.kickOff("?_type=Patient,QuestionnaireResponse&pseudonymise=true"));
		assertThat(types(manifest)).containsExactly("Patient", "QuestionnaireResponse");
		List<String> patients = bulk.download(manifest, "Patient");
		List<String> responses = bulk.download(manifest, "QuestionnaireResponse");
		assertThat(patients).hasSize(12).allMatch((p) -> p.matches(".*\"birthDate\":\"\\d{4}\".*"));
		assertNoIdentity(String.join("\n", patients) + String.join("\n", responses));
		BulkExportClient.validate(patients, "Patient");
		BulkExportClient.validate(responses, "QuestionnaireResponse");
		Map<?, ?> since = bulk.manifest(bulk.kickOff("?_type=Observation&_since=2999-01-01T00:00:00Z"));
		assertThat((List<?>) since.get("output")).isEmpty();
	}

	@Test
	void aJobWhoseReplicaStoppedIsRunAgainAndDeleteCancels() throws Exception {
		BulkExportClient bulk = new BulkExportClient(this.population);
		String status = bulk.kickOff("?_type=Patient&team=lunge");
		bulk.manifest(status);
		String id = status.substring(status.lastIndexOf('/') + 1);
		// as if the replica running it had died half-way: a lease run out, a stale chunk
		this.population.execute("insert into export_chunk (job_id, resource_type, seq, resources, data)" + " values ('"
				+ id + "', 'Flag', 99, 1, 'stale')");
		this.population.execute("update export_job set status = 'RUNNING', lease_owner = 'gone',"
				+ " leased_until = now() - interval '1 minute' where id = '" + id + "'");
		Map<?, ?> again = bulk.manifest(status);
		assertThat(types(again)).containsExactly("Patient");
		assertThat(bulk.download(again, "Patient")).hasSize(6);
		client(this.population.url(1), "admin").delete().uri(status).exchange().expectStatus().isAccepted();
		client(this.population.url(0), "admin").get().uri(status).exchange().expectStatus().isNotFound();
	}

	private static List<String> types(Map<?, ?> manifest) {
		return ((List<?>) manifest.get("output")).stream().map((o) -> (String) ((Map<?, ?>) o).get("type")).toList();
	}

	void assertNoIdentity(String text) {
		for (List<String> patient : this.patients) {
			assertThat(text).doesNotContain(patient.get(0)).doesNotContain(patient.get(2));
		}
		// no name element at all (the given name, Generert, is also the pathway's name)
		assertThat(text).doesNotContain("\"name\"").doesNotContain("\"given\"");
	}

}
