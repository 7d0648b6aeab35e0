package no.heima.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestIdp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The authorization matrix: every route of the running application (its own route table)
 * times seven callers, each answer's status compared with {@code authz/matrix.tsv}. A
 * route without a row, or a row without a route, fails. Whatever the status, nobody who
 * may not see the patient concerned gets a byte of their record, and no refusal carries
 * it either.
 *
 * <p>
 * Writes send an empty or wrong body and a stale {@code If-Match}, so a caller who is let
 * through is stopped by validation or the version check and nothing changes; the status
 * tells "let through" (400, 412, 422) from "refused" (401, 403, 404). The answers seen
 * are written to {@code target/authz-matrix-actual.tsv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {

	private static final String KARI_ID = "12837540028";

	/** What of the patient concerned must never reach a caller who may not see her. */
	private static final List<String> KARI_DATA = List.of(KARI_ID, "Nordvik", "1975-03-12");

	private static final Set<String> OUTSIDERS = Set.of("anonymous", "other-patient", "other-nurse");

	@Autowired
	ApplicationContext context;

	private final Map<String, String> fixtures = new HashMap<>();

	@BeforeAll
	void fixtures() {
		// the first import validates with HAPI (minutes on a loaded 2-core machine)
		for (int attempt = 1;; attempt++) {
			try {
				awaitBuiltInQuestionnaires();
				break;
			}
			catch (IllegalStateException slow) {
				if (attempt == 3) {
					throw slow;
				}
			}
		}
		new MatrixFixtures(this::as).create(this.fixtures);
		// the other patient has a record of their own, so their /me answers are stable
		ensurePatient("sykepleier2", "24896840041", "Ola", "Fjellheim");
	}

	@Test
	void everyRouteHasARowAndEveryRowARoute() {
		Set<String> routes = RouteTable.of(this.context);
		Set<String> rows = new TreeSet<>();
		Matrix.load("authz/matrix.tsv").rows().forEach((row) -> rows.add(row.key()));
		Set<String> missing = new TreeSet<>(routes);
		missing.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(routes);
		assertThat(missing).as("routes without a row in authz/matrix.tsv").isEmpty();
		assertThat(stale).as("rows in authz/matrix.tsv for routes that do not exist").isEmpty();
	}

	@Test
	void everyCallerGetsTheExpectedAnswerAndNoOneElsesData() throws IOException {
		Matrix matrix = Matrix.load("authz/matrix.tsv");
		List<String> wrong = new ArrayList<>();
		Set<String> leaks = new LinkedHashSet<>();
		StringBuilder actual = new StringBuilder();
		for (Matrix.Row row : matrix.rows()) {
			actual.append(String.format("%-7s %-52s %-60s %-9s", row.method(), row.route(), row.request(), row.body()));
			for (int c = 0; c < Matrix.CALLERS.size(); c++) {
				String caller = Matrix.CALLERS.get(c);
				Answer answer;
				try {
					answer = call(caller, row);
				}
				catch (RuntimeException | AssertionError failed) {
					// one broken call must not hide the rest of the table
					answer = new Answer(-1, "");
					wrong.add("line " + row.line() + " " + row.key() + " as " + caller + ": " + failed);
				}
				actual.append(' ').append(answer.status());
				if (answer.status() != row.expected().get(c)) {
					wrong.add("line " + row.line() + " " + row.key() + " as " + caller + ": expected "
							+ row.expected().get(c) + ", got " + answer.status());
				}
				boolean mayNotSee = OUTSIDERS.contains(caller) || answer.status() >= 400;
				for (String datum : KARI_DATA) {
					if (mayNotSee && answer.body().contains(datum)) {
						leaks.add(row.key() + " as " + caller + " (" + answer.status() + ") contains " + datum);
					}
				}
			}
			actual.append('\n');
		}
		Path out = Path.of("target", "authz-matrix-actual.tsv");
		Files.createDirectories(out.getParent());
		Files.writeString(out, actual.toString(), StandardCharsets.UTF_8);
		assertThat(leaks).as("answers carrying the patient's data to someone who may not see it").isEmpty();
		assertThat(wrong).as("cells that differ from authz/matrix.tsv (all answers: " + out + ")").isEmpty();
	}

	private record Answer(int status, String body) {
	}

	private Answer call(String caller, Matrix.Row row) {
		WebTestClient client = client(caller);
		String uri = expand(row.request());
		HttpMethod method = "*".equals(row.method()) ? HttpMethod.GET : HttpMethod.valueOf(row.method());
		WebTestClient.RequestBodySpec spec = client.method(method)
			.uri(uri)
			.header("If-Match", "\"99999\"")
			.header("Idempotency-Key", UUID.randomUUID().toString());
		WebTestClient.RequestHeadersSpec<?> request = switch (row.body()) {
			case "-" -> spec;
			case "multipart" -> spec.body(BodyInserters.fromMultipartData(multipart()));
			default -> spec.contentType(MediaType.APPLICATION_JSON).bodyValue(row.body());
		};
		FluxExchangeResult<String> result = request.exchange().returnResult(String.class);
		MediaType type = result.getResponseHeaders().getContentType();
		boolean stream = type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM);
		List<String> body = stream ? result.getResponseBody().take(Duration.ofMillis(300)).collectList().block()
				: result.getResponseBody().collectList().block(Duration.ofSeconds(30));
		return new Answer(result.getStatus().value(), body == null ? "" : String.join("", body));
	}

	private WebTestClient client(String caller) {
		WebTestClient.Builder builder = this.web.mutate().responseTimeout(Duration.ofSeconds(30));
		String token = switch (caller) {
			case "anonymous" -> null;
			case "patient" -> TestIdp.accessToken("pasient1");
			case "other-patient" -> TestIdp.accessToken("pasient2");
			case "nurse" -> TestIdp.accessToken("sykepleier1");
			case "other-nurse" -> TestIdp.accessToken("sykepleier2");
			case "admin" -> TestIdp.accessToken("admin");
			case "machine" -> TestIdp.machineToken();
			default -> throw new IllegalArgumentException(caller);
		};
		return token == null ? builder.build() : builder.defaultHeaders((h) -> h.setBearerAuth(token)).build();
	}

	private String expand(String template) {
		String uri = template.replace("{today}", LocalDate.now(ZoneId.of("Europe/Oslo")).toString());
		for (Map.Entry<String, String> fixture : this.fixtures.entrySet()) {
			uri = uri.replace("{" + fixture.getKey() + "}", fixture.getValue());
		}
		assertThat(uri).as("unknown fixture in " + template).doesNotContain("{");
		return uri;
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(new byte[] { 1, 2, 3 }) {
			@Override
			public String getFilename() {
				return "x.bin";
			}
		}).contentType(MediaType.APPLICATION_OCTET_STREAM);
		return parts.build();
	}

}
