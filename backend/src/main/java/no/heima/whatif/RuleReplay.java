package no.heima.whatif;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.heima.careplan.PersonalThreshold;
import no.heima.fhir.FhirJson;
import no.heima.measurement.EnteredValue;
import no.heima.measurement.Measurement;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.Threshold;
import no.heima.response.ReplayableResponse;
import no.heima.triage.AnswerTriggerTriage;
import no.heima.triage.Level;
import no.heima.triage.Reason;
import no.heima.triage.RuleVersion;
import no.heima.triage.ThresholdTriage;
import no.heima.triage.TrendTriage;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The triage rules of one pathway definition applied to stored submissions: the same pure
 * functions that triaged them at submit time, so a replay with unchanged rules gives the
 * same levels.
 */
final class RuleReplay {

	private RuleReplay() {
	}

	/**
	 * How many yellow and red levels the rules give the submissions made at or after
	 * {@code since}.
	 */
	record Counts(int yellow, int red) {

		Counts add(Level level) {
			return switch (level) {
				case YELLOW -> new Counts(this.yellow + 1, this.red);
				case RED -> new Counts(this.yellow, this.red + 1);
				case GREEN -> this;
			};
		}

	}

	static Counts measurements(PathwayDefinition rules, List<PersonalThreshold> personal, List<Measurement> all,
			Instant since) {
		Counts counts = new Counts(0, 0);
		Map<String, List<TrendTriage.Point>> history = new HashMap<>();
		for (Measurement m : all) {
			Map<String, BigDecimal> values = new HashMap<>();
			m.values().forEach((v) -> values.put(v.code(), v.value()));
			Optional<Activity> activity = activity(rules, m.activityId());
			if (!m.measuredAt().isBefore(since) && activity.isPresent()) {
				Level level = ThresholdTriage
					.assess(values, activity.get().thresholds(), personal(personal, m.activityId()), NONE)
					.level();
				for (Reason reason : TrendTriage.assess(values, m.measuredAt(), history, activity.get().trends())) {
					level = level.worst(reason.level());
				}
				counts = counts.add(level);
			}
			for (EnteredValue v : m.values()) {
				history.computeIfAbsent(v.code(), (k) -> new ArrayList<>())
					.add(new TrendTriage.Point(m.measuredAt(), v.value()));
			}
		}
		return counts;
	}

	static Counts responses(PathwayDefinition rules, List<PersonalThreshold> personal, List<ReplayableResponse> all) {
		Counts counts = new Counts(0, 0);
		for (ReplayableResponse r : all) {
			Optional<Activity> activity = activity(rules, r.activityId());
			if (activity.isEmpty()) {
				continue;
			}
			Map<String, BigDecimal> scores = new HashMap<>();
			r.scores().stream().filter((s) -> s.value() != null).forEach((s) -> scores.put(s.linkId(), s.value()));
			Level level = ThresholdTriage
				.assess(scores, activity.get().thresholds(), personal(personal, r.activityId()), NONE)
				.level();
			if (!activity.get().triggers().isEmpty()) {
				for (Reason reason : AnswerTriggerTriage
					.assess(FhirJson.read(QuestionnaireResponse.class, r.resourceJson()), activity.get().triggers())) {
					level = level.worst(reason.level());
				}
			}
			counts = counts.add(level);
		}
		return counts;
	}

	private static final RuleVersion NONE = new RuleVersion(null, 0, null, 0);

	private static Optional<Activity> activity(PathwayDefinition rules, String activityId) {
		return rules.activities().stream().filter((a) -> a.id().equals(activityId)).findFirst();
	}

	private static List<Threshold> personal(List<PersonalThreshold> personal, String activityId) {
		return personal.stream()
			.filter((p) -> p.activityId().equals(activityId))
			.map(PersonalThreshold::threshold)
			.toList();
	}

}
