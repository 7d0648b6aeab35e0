package no.heima.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

	/**
	 * The combined text of one list of parts' texts, and the parameter names each part
	 * uses: the same few shapes come back on every submission, and rewriting them (a
	 * regular expression over a few kB of SQL) was 2.4 % of a submission's CPU (issue
	 * 13's profile). Bounded, though the parts' texts are constants today.
	 */
	private static final Cache<List<String>, Shape> SHAPES = Caffeine.newBuilder().maximumSize(256).build();

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
		List<String> texts = new ArrayList<>(parts.size());
		for (SqlWrite part : parts) {
			texts.add(part.sql());
		}
		Shape shape = SHAPES.get(texts, Shape::of);
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		for (int i = 0; i < parts.size(); i++) {
			SqlWrite part = parts.get(i);
			for (String name : shape.names().get(i)) {
				if (!part.parameters().containsKey(name)) {
					throw new IllegalArgumentException("No value for :" + name + " in " + part.sql());
				}
			}
			String prefix = prefix(i);
			part.parameters().forEach((name, value) -> parameters.put(prefix + name, value));
		}
		return new SqlWrite(shape.sql(), parameters);
	}

	private static String prefix(int part) {
		return "w" + part + "_";
	}

	private record Shape(String sql, List<List<String>> names) {

		static Shape of(List<String> texts) {
			StringBuilder sql = new StringBuilder("with ");
			List<String> renamed = new ArrayList<>();
			List<List<String>> names = new ArrayList<>();
			for (int i = 0; i < texts.size(); i++) {
				String prefix = prefix(i);
				Matcher matcher = PARAMETER.matcher(texts.get(i));
				StringBuilder out = new StringBuilder();
				List<String> used = new ArrayList<>();
				while (matcher.find()) {
					used.add(matcher.group(1));
					matcher.appendReplacement(out, Matcher.quoteReplacement(":" + prefix + matcher.group(1)));
				}
				matcher.appendTail(out);
				renamed.add(out.toString().strip());
				names.add(List.copyOf(new LinkedHashSet<>(used)));
			}
			for (int i = 0; i < renamed.size() - 1; i++) {
				sql.append((i == 0) ? "" : ",\n")
					.append("w")
					.append(i)
					.append(" as (")
					.append(renamed.get(i))
					.append(")");
			}
			sql.append("\n").append(renamed.get(renamed.size() - 1));
			return new Shape(sql.toString(), List.copyOf(names));
		}

	}

	/** Runs it on {@code db} (joining the caller's transaction, if any). */
	public Mono<Void> run(DatabaseClient db) {
		return db.sql(this.sql).bindValues(this.parameters).then();
	}

}
