package no.heima.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;

/**
 * Whom an export covers: the patients with a care plan of {@code team} and/or on
 * {@code pathway} (all patients when neither is given), and for the CSV the period
 * {@code [from, to)}.
 */
record Cohort(String team, UUID pathway, Instant from, Instant to) {

	static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	static final int MAX_DAYS = 3660;

	private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");

	/**
	 * From days in Norway's zone, both included; without {@code to} up to today, without
	 * {@code from} a year before {@code to}.
	 */
	static Cohort of(String team, UUID pathway, LocalDate from, LocalDate to) {
		List<FieldProblem> problems = new ArrayList<>();
		String teamName = (team == null || team.isBlank()) ? null : team.strip();
		if (teamName != null && !TEAM.matcher(teamName).matches()) {
			problems.add(new FieldProblem("team", "format", "A team name: 1-64 letters, digits, '-', '_' or '.'"));
		}
		LocalDate last = (to != null) ? to : LocalDate.now(ZONE);
		LocalDate first = (from != null) ? from : last.minusYears(1);
		if (first.isAfter(last)) {
			problems.add(new FieldProblem("from", "order", "from is after to"));
		}
		else if (first.plusDays(MAX_DAYS).isBefore(last)) {
			problems.add(new FieldProblem("to", "range", "At most " + MAX_DAYS + " days"));
		}
		if (!problems.isEmpty()) {
			throw HeimaProblemException.validation(problems);
		}
		return new Cohort(teamName, pathway, first.atStartOfDay(ZONE).toInstant(),
				last.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	/** The scope without a period (bulk exports use {@code _since} instead). */
	static Cohort scope(String team, UUID pathway) {
		Cohort checked = of(team, pathway, null, null);
		return new Cohort(checked.team(), pathway, null, null);
	}

	/** For the audit row: what was exported, never whose data. */
	String describe() {
		return "team=" + ((this.team != null) ? this.team : "*") + " pathway="
				+ ((this.pathway != null) ? this.pathway : "*")
				+ ((this.from != null) ? " from=" + this.from + " to=" + this.to : "");
	}

}
