package no.heima.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.FhirValidation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The Bulk Data client side as a registry would run it: kick-off, polling (each poll on
 * the next replica), downloading, and checking every resource with the HAPI validator.
 */
final class BulkExportClient {

	private final ExportPopulation population;

	private int next;

	BulkExportClient(ExportPopulation population) {
		this.population = population;
	}

	private String replica() {
		return this.population.url(this.next++ % this.population.replicas.size());
	}

	/** Kicks off on one replica; the status URL, pointed at the other. */
	String kickOff(String query) {
		String base = replica();
		String location = CohortExportIT.client(base, "admin")
			.get()
			.uri("/api/fhir/$export" + query)
			.header("Prefer", "respond-async")
			.header("Accept", "application/fhir+json")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.exists("Content-Location")
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Content-Location");
		assertThat(location).startsWith(base + "/api/fhir/bulk-status/");
		return location.substring(base.length());
	}

	/** Polls (202 with X-Progress meanwhile) until the manifest comes. */
	Map<?, ?> manifest(String status) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(until)) {
			EntityExchangeResult<Map> polled = CohortExportIT.client(replica(), "admin")
				.get()
				.uri(status)
				.exchange()
				.expectBody(Map.class)
				.returnResult();
			if (polled.getStatus().value() == 200) {
				return polled.getResponseBody();
			}
			assertThat(polled.getStatus().value()).isEqualTo(202);
			assertThat(polled.getResponseHeaders().getFirst("X-Progress")).isNotBlank().hasSizeLessThanOrEqualTo(100);
			Thread.sleep(300);
		}
		throw new AssertionError("the export did not finish in 3 minutes");
	}

	/** Every file of the manifest, downloaded from alternate replicas, as lines. */
	List<String> download(Map<?, ?> manifest, String type) {
		List<String> lines = new ArrayList<>();
		for (Object entry : (List<?>) manifest.get("output")) {
			Map<?, ?> file = (Map<?, ?>) entry;
			if (!type.equals(file.get("type"))) {
				continue;
			}
			String url = (String) file.get("url");
			String path = url.substring(url.indexOf("/api/"));
			String body = CohortExportIT.client(replica(), "admin")
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("application/fhir+ndjson")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			body.lines().forEach(lines::add);
			assertThat(lines).hasSize(((Number) file.get("count")).intValue());
		}
		return lines;
	}

	/** Each line parsed as its type and given to the HAPI validator: no errors. */
	static void validate(List<String> lines, String type) {
		List<String> errors = new ArrayList<>();
		for (String line : lines) {
			IBaseResource resource = FhirJson.context().newJsonParser().parseResource(line);
			assertThat(resource.fhirType()).isEqualTo(type);
			assertThat(resource.getIdElement().getIdPart()).isNotBlank();
			FhirValidation.errors(resource).forEach((e) -> errors.add(type + " " + resource.getIdElement() + ": " + e));
		}
		assertThat(errors).isEmpty();
	}

}
