package no.heima.worklist;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * What the nurse narrows the worklist to: one level, one kind, only hers, only nobody's,
 * only overdue, and a search by name (any part) or identifier (its start). Kinds are
 * data, not an enum here, so a new kind of item needs no change in filtering. Every
 * condition is a bound parameter; the SQL text varies only in which conditions are there.
 *
 * @param q the search text, or null
 */
record WorklistFilter(String level, String kind, Show show, String q) {

	enum Show {

		ALL, MINE, UNASSIGNED, OVERDUE

	}

	private static final Pattern WORD = Pattern.compile("[A-Z_]{1,40}");

	private static final Pattern DIGITS = Pattern.compile("[0-9 ]{1,20}");

	private static final int MAX_SEARCH = 100;

	static final WorklistFilter NONE = new WorklistFilter(null, null, Show.ALL, null);

	/**
	 * The filter from request parameters, or a VALIDATION problem naming each bad one.
	 */
	static WorklistFilter of(String level, String kind, String show, String q) {
		List<FieldProblem> problems = new ArrayList<>();
		String lvl = word("level", level, problems);
		String knd = word("kind", kind, problems);
		Show shw = Show.ALL;
		if (show != null && !show.isBlank()) {
			try {
				shw = Show.valueOf(show.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("show", "invalid", "One of all, mine, unassigned, overdue"));
			}
		}
		String search = (q == null || q.isBlank()) ? null : q.strip();
		if (search != null && search.length() > MAX_SEARCH) {
			problems.add(new FieldProblem("q", "too-long", "At most " + MAX_SEARCH + " characters"));
		}
		if (!problems.isEmpty()) {
			throw HeimaProblemException.validation(problems);
		}
		return new WorklistFilter(lvl, knd, shw, search);
	}

	private static String word(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String upper = value.strip().toUpperCase(Locale.ROOT);
		if (!WORD.matcher(upper).matches()) {
			problems.add(new FieldProblem(field, "invalid", "Letters and _ only"));
			return null;
		}
		return upper;
	}

	private boolean searchesIdentifier() {
		return this.q != null && DIGITS.matcher(this.q).matches();
	}

	/** The conditions on worklist_item aliased {@code w}. */
	String where() {
		StringBuilder sql = new StringBuilder(" w.team = any(:teams) and w.status <> 'RESOLVED'");
		if (this.level != null) {
			sql.append(" and w.level = :level");
		}
		if (this.kind != null) {
			sql.append(" and w.kind = :kind");
		}
		switch (this.show) {
			case MINE -> sql.append(" and w.assignee_subject = :me");
			case UNASSIGNED -> sql.append(" and w.assignee_subject is null");
			case OVERDUE -> sql.append(" and w.due_at < :now");
			default -> {
			}
		}
		if (this.q != null) {
			sql.append(
					searchesIdentifier() ? " and w.patient_value like :search" : " and w.patient_name ilike :search");
		}
		return sql.toString();
	}

	GenericExecuteSpec bind(GenericExecuteSpec spec, List<String> teams, String me, Instant now) {
		GenericExecuteSpec bound = spec.bind("teams", teams.toArray(String[]::new));
		if (this.level != null) {
			bound = bound.bind("level", this.level);
		}
		if (this.kind != null) {
			bound = bound.bind("kind", this.kind);
		}
		if (this.show == Show.MINE) {
			bound = bound.bind("me", me);
		}
		if (this.show == Show.OVERDUE) {
			bound = bound.bind("now", now.atOffset(ZoneOffset.UTC));
		}
		if (this.q != null) {
			bound = bound.bind("search",
					searchesIdentifier() ? like(this.q.replace(" ", "")) + "%" : "%" + like(this.q) + "%");
		}
		return bound;
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
