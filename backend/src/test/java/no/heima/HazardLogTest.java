package no.heima;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hazard log names, for every control, the test that proves it. This keeps it honest:
 * every backend reference ({@code Class#method} or {@code Class}) must be a test class
 * under {@code backend/src/test/java} with that method, every web reference
 * ({@code app/path.test.tsx#title}) a test file with that test title, and every hazard
 * must name at least one.
 */
class HazardLogTest {

	private static final Pattern JAVA_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT|Tests))(?:#(\\w+))?`");

	private static final Pattern WEB_REF = Pattern
		.compile("`((?:patient-web|clinician-web)/[^`#]+\\.test\\.tsx?)(?:#([^`]+))?`");

	private static final Pattern HAZARD = Pattern.compile("(?m)^## (H\\d+) ");

	@Test
	void everyTestTheHazardLogNamesExists() throws IOException {
		Path root = repositoryRoot();
		String log = Files.readString(root.resolve("docs/safety/hazard-log.md"));
		List<String> missing = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();

		Matcher java = JAVA_REF.matcher(log);
		while (java.find()) {
			seen.add(java.group());
			Optional<Path> file = testClass(root, java.group(1));
			if (file.isEmpty()) {
				missing.add(java.group(1) + " (no such test class)");
			}
			else if (java.group(2) != null && !declares(file.get(), java.group(2))) {
				missing.add(java.group(1) + "#" + java.group(2) + " (no such method)");
			}
		}
		Matcher web = WEB_REF.matcher(log);
		while (web.find()) {
			seen.add(web.group());
			Path file = root.resolve(web.group(1));
			if (!Files.isRegularFile(file)) {
				missing.add(web.group(1) + " (no such file)");
			}
			else if (web.group(2) != null && !Files.readString(file).contains(web.group(2))) {
				missing.add(web.group(1) + "#" + web.group(2) + " (no such test)");
			}
		}

		assertThat(seen).as("references found in the hazard log").hasSizeGreaterThan(30);
		assertThat(missing).as("tests the hazard log names but that do not exist").isEmpty();
	}

	@Test
	void everyHazardNamesAtLeastOneTest() throws IOException {
		String log = Files.readString(repositoryRoot().resolve("docs/safety/hazard-log.md"));
		Matcher hazard = HAZARD.matcher(log);
		List<int[]> sections = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		while (hazard.find()) {
			ids.add(hazard.group(1));
			sections.add(new int[] { hazard.start(), 0 });
		}
		assertThat(ids).as("the hazards the issue lists, H1 to H10").hasSize(10);
		for (int i = 0; i < sections.size(); i++) {
			int end = (i + 1 < sections.size()) ? sections.get(i + 1)[0] : log.length();
			String section = log.substring(sections.get(i)[0], end);
			assertThat(JAVA_REF.matcher(section).find() || WEB_REF.matcher(section).find())
				.as(ids.get(i) + " names a test")
				.isTrue();
			assertThat(section).as(ids.get(i) + " has causes, controls and residual risk")
				.contains("**Causes.**", "**Controls.**", "**Residual risk");
		}
	}

	private static Optional<Path> testClass(Path root, String name) throws IOException {
		try (Stream<Path> files = Files.walk(root.resolve("backend/src/test/java"))) {
			return files.filter((f) -> f.getFileName().toString().equals(name + ".java")).findFirst();
		}
	}

	private static boolean declares(Path file, String method) throws IOException {
		return Pattern.compile("\\bvoid " + Pattern.quote(method) + "\\s*\\(").matcher(Files.readString(file)).find();
	}

	/** The backend's tests run in backend/; the log is in the repository's docs/. */
	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("docs/safety/hazard-log.md"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("docs/safety/hazard-log.md above " + Path.of("").toAbsolutePath()).isNotNull();
		return dir;
	}

}
