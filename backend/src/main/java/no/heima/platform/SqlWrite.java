package no.heima.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * One data-modifying SQL statement with its named parameters ({@code :name}), written by
 * the feature that owns the table, so that several of them can go to PostgreSQL as one
 * statement ({@link #combine}): a round trip each was most of a submission's database
 * time (issue 13). Each part must be a single {@code insert}, {@code update} or
 * {@code delete} without a {@code returning} clause the caller needs, and must not rely
 * on seeing another part's rows (all parts of one statement see the same snapshot).
 *
 * @param sql the statement, with named parameters
 * @param parameters each parameter's value ({@link Parameter#empty} for a typed null)
 */
public record SqlWrite(String sql, Map<String, Parameter> parameters) {

	/** A named parameter: a colon not after another colon ({@code ::cast}), a letter. */
	private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9_]*)");

	public SqlWrite {
		parameters = Map.copyOf(parameters);
	}

	/** A value, or a typed null. */
	public static Parameter value(Object value, Class<?> type) {
		return Parameter.fromOrEmpty(value, type);
	}

	/**
	 * The parts as one statement: all but the last as data-modifying common table
	 * expressions, the last as the main statement. PostgreSQL runs every part exactly
	 * once, whether or not it is referenced. Parameters are renamed per part, so parts
	 * may use the same names.
	 */
	public static SqlWrite combine(List<SqlWrite> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("Nothing to write");
		}
		if (parts.size() == 1) {
			return parts.get(0);
		}
		StringBuilder sql = new StringBuilder("with ");
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		List<String> renamed = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			SqlWrite part = parts.get(i);
			String prefix = "w" + i + "_";
			Matcher matcher = PARAMETER.matcher(part.sql());
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				if (!part.parameters().containsKey(name)) {
					throw new IllegalArgumentException("No value for :" + name + " in " + part.sql());
				}
				matcher.appendReplacement(out, Matcher.quoteReplacement(":" + prefix + name));
			}
			matcher.appendTail(out);
			part.parameters().forEach((name, value) -> parameters.put(prefix + name, value));
			renamed.add(out.toString().strip());
		}
		for (int i = 0; i < renamed.size() - 1; i++) {
			sql.append((i == 0) ? "" : ",\n").append("w").append(i).append(" as (").append(renamed.get(i)).append(")");
		}
		sql.append("\n").append(renamed.get(renamed.size() - 1));
		return new SqlWrite(sql.toString(), parameters);
	}

	/** Runs it on {@code db} (joining the caller's transaction, if any). */
	public Mono<Void> run(DatabaseClient db) {
		return db.sql(this.sql).bindValues(this.parameters).then();
	}

}
