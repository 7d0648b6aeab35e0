package no.heima.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every definition of the corpus ({@code src/test/resources/pathways}, see its README) is
 * stored as given and comes back unchanged when saved without edits: nothing the API
 * accepts is dropped or altered on the way through.
 */
class PathwayCorpusRoundTripIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Path> corpus() throws IOException, URISyntaxException {
		Path folder = Path.of(PathwayCorpusRoundTripIT.class.getResource("/pathways").toURI());
		return Files.list(folder).filter((p) -> p.toString().endsWith(".json")).sorted();
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void aStoredDefinitionSavedWithoutEditsIsUnchanged(Path file) throws IOException {
		// not needed for drafts, but the first request would otherwise share the CPU with
		// the validator's warm-up
		awaitBuiltInQuestionnaires();
		Map<?, ?> definition = JSON.readValue(Files.readString(file), Map.class);
		String id = (String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		Map<?, ?> stored = draft(id);
		assertThat(stored).as(file.getFileName().toString()).isEqualTo(definition);

		as("admin").put().uri("/api/pathways/" + id + "/draft").bodyValue(stored).exchange().expectStatus().isOk();
		assertThat(draft(id)).as(file.getFileName().toString()).isEqualTo(definition);
	}

	private Map<?, ?> draft(String id) {
		return as("admin").get()
			.uri("/api/pathways/" + id + "/draft")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
