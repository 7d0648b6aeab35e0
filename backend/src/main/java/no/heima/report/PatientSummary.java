package no.heima.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.heima.pathway.Threshold;

/**
 * Everything one summary shows, gathered before any rendering: who, which plans, the
 * values with their bands, the scores, the alerts and how they ended, how many messages.
 */
record PatientSummary(Person person, Instant from, Instant to, String language, List<Plan> plans, List<Series> series,
		List<ScoreRow> scores, List<AlertRow> alerts, MessageCount messages, Instant madeAt, String madeBy) {

	/** Messages exchanged in the period (the count only; the texts stay in Heima). */
	record MessageCount(long fromPatient, long fromTeam) {
	}

	record Person(String name, String identifier, LocalDate birthDate) {
	}

	record Plan(String pathway, int version, String status, LocalDate start, LocalDate end, String endReason,
			List<PausePeriod> pauses) {
	}

	record PausePeriod(LocalDate from, LocalDate until, String reason) {
	}

	/** One value (a component of a vital) over the period, with the band that applied. */
	record Series(String vital, String code, String unit, Threshold band, List<Point> points) {

		int count(String level) {
			return (int) this.points.stream().filter((p) -> level.equals(p.level())).count();
		}

	}

	record Point(Instant at, BigDecimal value, String level) {
	}

	record ScoreRow(String questionnaire, String linkId, Instant authored, BigDecimal value, String valueText,
			String level) {
	}

	record AlertRow(String kind, String level, String summary, Instant raisedAt, String status, Instant resolvedAt,
			String resolvedBy, String action, String note) {
	}

}
