package no.heima.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON answer of the backend kept as a file in the repository for the web apps (the
 * OpenAPI document their types are generated from, the vital catalogue their tests use).
 * With {@code -Dheima.openapi.write=true} {@link #check} writes the live answer to the
 * file; otherwise it fails when the committed file differs, compared as JSON (keys in any
 * order, top-level keys in {@code ignored} left out), and prints the command that
 * regenerates it.
 */
public final class CommittedJson {

	/** From the repository root: writes the backend's files, then the generated types. */
	public static final String REGENERATE = "./mvnw -B -o verify -pl deploy/local-fhir,backend"
			+ " -Dit.test=OpenApiDocumentIT,VitalCatalogueIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
			+ " -Dheima.openapi.write=true && (cd patient-web && npm run api:types)";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private CommittedJson() {
	}

	/** The web-common file at {@code relative} (under {@code web-common/src}). */
	public static Path webCommon(String relative) {
		return Path.of("..", "web-common", "src").resolve(relative);
	}

	public static void check(Path file, String served, Set<String> ignored) {
		JsonNode live = normalised(JSON.readTree(served), ignored);
		try {
			if (Boolean.getBoolean("heima.openapi.write")) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
				return;
			}
			assertThat(Files.exists(file)).as("%s is missing; write it with:%n  %s", file, REGENERATE).isTrue();
			JsonNode committed = normalised(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)), ignored);
			List<String> differences = differences("", committed, live);
			assertThat(differences)
				.as("%s differs from the backend's answer (%d places):%n  %s%nRegenerate it from the repository root:%n  %s",
						file, differences.size(), String.join("\n  ", differences.stream().limit(20).toList()),
						REGENERATE)
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Keys sorted, the top-level keys in {@code ignored} removed. */
	public static JsonNode normalised(JsonNode document, Set<String> ignored) {
		JsonNode copy = sorted(document);
		if (copy instanceof ObjectNode object) {
			ignored.forEach(object::remove);
		}
		return copy;
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach((entry) -> fields.put(entry.getKey(), sorted(entry.getValue())));
			ObjectNode result = JSON.createObjectNode();
			fields.forEach(result::set);
			return result;
		}
		if (node.isArray()) {
			var result = JSON.createArrayNode();
			node.forEach((item) -> result.add(sorted(item)));
			return result;
		}
		return node;
	}

	/**
	 * Where two documents differ, as JSON pointers with the committed and the live value.
	 */
	public static List<String> differences(String where, JsonNode expected, JsonNode actual) {
		List<String> found = new ArrayList<>();
		if (expected.isObject() && actual.isObject()) {
			TreeSet<String> names = new TreeSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				String at = where + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!expected.has(name)) {
					found.add(at + ": added");
				}
				else if (!actual.has(name)) {
					found.add(at + ": removed");
				}
				else {
					found.addAll(differences(at, expected.get(name), actual.get(name)));
				}
			}
		}
		else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				found.addAll(differences(where + "/" + i, expected.get(i), actual.get(i)));
			}
		}
		else if (!expected.equals(actual)) {
			found.add(where + ": " + brief(expected) + " → " + brief(actual));
		}
		return found;
	}

	private static String brief(JsonNode node) {
		String text = node.toString();
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
