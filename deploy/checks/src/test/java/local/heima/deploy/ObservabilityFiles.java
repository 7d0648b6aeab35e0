package local.heima.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads deploy/observability: the Grafana dashboard's and the alert rules' PromQL, and
 * the metric names they query.
 */
final class ObservabilityFiles {

	/** Made by Prometheus itself, not by the application. */
	static final Set<String> PROMETHEUS_OWN = Set.of("up");

	private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");

	private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");

	private static final Pattern SELECTORS = Pattern.compile("\\{[^}]*}|\\[[^]]*]");

	private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

	private final Path deploy;

	ObservabilityFiles(Path deploy) {
		this.deploy = deploy;
	}

	Map<String, Object> dashboard() throws IOException {
		return map(loader().load(Files.readString(this.deploy.resolve("observability/grafana-dashboard.json"))));
	}

	Map<String, Object> rules() throws IOException {
		return map(loader().load(Files.readString(this.deploy.resolve("observability/prometheus-rules.yaml"))));
	}

	List<String> dashboardQueries() throws IOException {
		List<String> queries = new ArrayList<>();
		for (Object panel : (List<?>) dashboard().get("panels")) {
			for (Object target : (List<?>) map(panel).get("targets")) {
				queries.add((String) map(target).get("expr"));
			}
		}
		return queries;
	}

	List<Map<String, Object>> alertRules() throws IOException {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Object group : (List<?>) rules().get("groups")) {
			for (Object rule : (List<?>) map(group).get("rules")) {
				alerts.add(map(rule));
			}
		}
		return alerts;
	}

	/** Every metric named in the dashboard and the alert rules. */
	Set<String> queriedMetrics() throws IOException {
		Set<String> names = new TreeSet<>();
		dashboardQueries().forEach((q) -> names.addAll(metricsIn(q)));
		for (Map<String, Object> rule : alertRules()) {
			names.addAll(metricsIn((String) rule.get("expr")));
		}
		return names;
	}

	/** The metric names of a PromQL expression (not functions, labels, or keywords). */
	static Set<String> metricsIn(String promql) {
		String bare = SELECTORS.matcher(GROUPING.matcher(STRINGS.matcher(promql).replaceAll("\"\"")).replaceAll(" "))
			.replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher m = IDENTIFIER.matcher(bare);
		while (m.find()) {
			boolean function = m.group(2) != null;
			if (!function && !KEYWORDS.contains(m.group(1))) {
				names.add(m.group(1));
			}
		}
		assertThat(names).as("metrics in " + promql).isNotEmpty();
		return names;
	}

	/** The metric names of a Prometheus text exposition. */
	static Set<String> exposed(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.forEach((line) -> names.add(line.split("[{ ]", 2)[0]));
		return names;
	}

	private static Yaml loader() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

}
