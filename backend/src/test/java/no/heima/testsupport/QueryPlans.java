package no.heima.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PostgreSQL plan of a statement Heima sent ({@link StatementLog}), with the values
 * it was sent with written in, as the planner's custom plan for those values sees it.
 */
public final class QueryPlans {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private QueryPlans() {
	}

	/**
	 * The plan's root node: {@code EXPLAIN (FORMAT JSON)}, or with {@code analyze} the
	 * statement run as well ({@code ANALYZE, BUFFERS}; the root then also carries
	 * "Execution Time"). Only for statements that read: a data-modifying one would be
	 * carried out.
	 */
	public static JsonNode explain(Statement s, String sql, List<Object> values, boolean analyze) throws SQLException {
		String options = analyze ? "(analyze, buffers, format json) " : "(format json) ";
		try (ResultSet rs = s.executeQuery("explain " + options + literal(sql, values))) {
			rs.next();
			return JSON.readTree(rs.getString(1)).get(0);
		}
	}

	/**
	 * The tables a plan reads by sequential scan; a month of the partitioned measurement
	 * table (or its default partition) counts as {@code measurement}.
	 */
	public static List<String> seqScans(JsonNode plan) {
		return seqScans(plan, new ArrayList<>());
	}

	private static List<String> seqScans(JsonNode node, List<String> found) {
		if ("Seq Scan".equals(node.path("Node Type").asString())) {
			found.add(node.path("Relation Name")
				.asString()
				.replaceFirst("^measurement_(y\\d{4}m\\d{2}|default)$", "measurement"));
		}
		for (JsonNode child : node.path("Plans")) {
			seqScans(child, found);
		}
		return found;
	}

	/** The statement with its values written in. */
	public static String literal(String sql, List<Object> values) {
		Matcher m = PLACEHOLDER.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int index = Integer.parseInt(m.group(1)) - 1;
			m.appendReplacement(out,
					Matcher.quoteReplacement(value((index < values.size()) ? values.get(index) : null)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String value(Object value) {
		if (value instanceof io.r2dbc.spi.Parameter parameter) {
			value = parameter.getValue();
		}
		if (value == null) {
			return "null";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Object[] array) {
			StringBuilder text = new StringBuilder("{");
			for (int i = 0; i < array.length; i++) {
				text.append((i > 0) ? "," : "")
					.append('"')
					.append(String.valueOf(array[i]).replace("\"", "\\\""))
					.append('"');
			}
			return quote(text.append('}').toString());
		}
		if (value instanceof io.r2dbc.postgresql.codec.Json json) {
			return quote(json.asString());
		}
		return quote(value.toString());
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
