package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import no.heima.testsupport.CommittedJson;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The web apps' TypeScript types ({@code web-common/src/api/schema.d.ts}) are generated
 * from the OpenAPI document committed in {@code web-common/src/api/openapi.json}; this
 * test keeps that copy equal to the document the backend serves. With
 * {@code -Dheima.openapi.write=true} it writes the live document there; otherwise it
 * fails when the committed one differs (as JSON, keys in any order, without the
 * {@code servers} entry that names the test's port) and prints the regenerate command.
 */
class OpenApiDocumentIT extends IntegrationTest {

	private static final Set<String> IGNORED = Set.of("servers");

	@Test
	void theCommittedDocumentIsTheServedOne() {
		String served = as("admin").mutate()
			.responseTimeout(java.time.Duration.ofMinutes(2))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		CommittedJson.check(CommittedJson.webCommon("api/openapi.json"), served, IGNORED);
	}

	@Test
	void theComparisonFindsAChangeAndIgnoresKeyOrderAndServers() {
		JsonNode a = CommittedJson.normalised(
				CommittedJson.parse("{\"servers\":[{\"url\":\"http://localhost:1\"}],\"b\":1,\"a\":{\"x\":[1,2]}}"),
				IGNORED);
		JsonNode b = CommittedJson.normalised(
				CommittedJson.parse("{\"a\":{\"x\":[1,2]},\"b\":1,\"servers\":[{\"url\":\"http://x:2\"}]}"), IGNORED);
		JsonNode c = CommittedJson.normalised(CommittedJson.parse("{\"a\":{\"x\":[1,3]},\"b\":1}"), IGNORED);
		assertThat(CommittedJson.differences("", a, b)).isEmpty();
		assertThat(CommittedJson.differences("", a, c)).containsExactly("/a/x/1: 2 → 3");
		assertThat(CommittedJson.differences("", c, CommittedJson.parse("{\"b\":1}"))).containsExactly("/a: removed");
	}

}
