package no.heima.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.heima.careplan.CarePlan;
import no.heima.careplan.PersonalThreshold;
import no.heima.identity.CurrentUser;
import no.heima.measurement.Measurement;
import no.heima.measurement.MeasurementService;
import no.heima.message.MessageTally;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.Threshold;
import no.heima.patient.Patient;
import no.heima.questionnaire.QuestionnaireRef;
import no.heima.questionnaire.QuestionnaireService;
import no.heima.report.PatientSummary.AlertRow;
import no.heima.report.PatientSummary.Point;
import no.heima.report.PatientSummary.Series;
import no.heima.worklist.WorklistService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads what a summary shows from the features that own it, for the given team plans and
 * period only. Bounded: a summary shows at most {@link #MAX_ROWS} values, scores and
 * alerts each (a year of four daily vitals stays well under it).
 */
@Component
class SummaryData {

	static final int MAX_ROWS = 20_000;

	private final MeasurementService measurements;

	private final PathwayService pathways;

	private final WorklistService worklist;

	private final QuestionnaireService questionnaires;

	private final SummaryQueries queries;

	private final MessageTally messages;

	SummaryData(MeasurementService measurements, PathwayService pathways, WorklistService worklist,
			QuestionnaireService questionnaires, SummaryQueries queries, MessageTally messages) {
		this.messages = messages;
		this.measurements = measurements;
		this.pathways = pathways;
		this.worklist = worklist;
		this.questionnaires = questionnaires;
		this.queries = queries;
	}

	Mono<PatientSummary> gather(CurrentUser actor, Patient patient, List<CarePlan> plans, Instant from, Instant to,
			String language, Instant now) {
		Mono<Map<CarePlan, PublishedPathway>> versions = Flux.fromIterable(plans)
			.concatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
				.map((published) -> Map.entry(plan, published)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<List<Measurement>> values = Flux.fromIterable(plans)
			.concatMap((plan) -> this.measurements.ofCarePlanSince(plan.id(), from)
				.filter((m) -> m.measuredAt().isBefore(to)))
			.take(MAX_ROWS)
			.collectList();
		Mono<List<AlertRow>> alerts = this.worklist.forPatient(patient.id())
			.filter((item) -> actor.isMemberOf(item.team()))
			.filter((item) -> !item.raisedAt().isBefore(from) && item.raisedAt().isBefore(to))
			.take(MAX_ROWS)
			.map((item) -> new AlertRow(item.kind(), item.level(), item.summary(), item.raisedAt(), item.status(),
					item.resolvedAt(), item.resolvedByName(), item.action(), item.note()))
			.sort(Comparator.comparing(AlertRow::raisedAt))
			.collectList();
		List<java.util.UUID> planIds = plans.stream().map(CarePlan::id).toList();
		Mono<List<PatientSummary.ScoreRow>> scores = this.queries.scores(patient.id(), planIds, from, to, MAX_ROWS)
			.collectList()
			.flatMap((rows) -> titled(rows, language));
		Mono<PatientSummary.MessageCount> exchanged = this.messages.between(patient.id(), actor.teams(), from, to)
			.map((c) -> new PatientSummary.MessageCount(c.fromPatient(), c.fromTeam()));
		return Mono.zip(versions, values, alerts, scores, exchanged)
			.map((all) -> new PatientSummary(person(patient), from, to, language, plans(plans, all.getT1()),
					series(all.getT2(), plans, all.getT1()), all.getT4(), all.getT3(), all.getT5(), now, actor.name()));
	}

	private Mono<List<PatientSummary.ScoreRow>> titled(List<PatientSummary.ScoreRow> rows, String language) {
		Map<String, Mono<String>> titles = new HashMap<>();
		return Flux.fromIterable(rows)
			.concatMap((row) -> titles.computeIfAbsent(row.questionnaire(), (q) -> title(q, language).cache())
				.map((title) -> new PatientSummary.ScoreRow(title, row.linkId(), row.authored(), row.value(),
						row.valueText(), row.level())))
			.collectList();
	}

	private Mono<String> title(String canonical, String language) {
		int bar = canonical.indexOf('|');
		String url = (bar < 0) ? canonical : canonical.substring(0, bar);
		String version = (bar < 0) ? null : canonical.substring(bar + 1);
		return this.questionnaires.find(url, version)
			.map((QuestionnaireRef ref) -> ref.title(language))
			.defaultIfEmpty(url);
	}

	private static PatientSummary.Person person(Patient patient) {
		return new PatientSummary.Person(patient.givenName() + " " + patient.familyName(), patient.identifier().value(),
				patient.birthDate());
	}

	private static List<PatientSummary.Plan> plans(List<CarePlan> plans, Map<CarePlan, PublishedPathway> versions) {
		return plans.stream()
			.sorted(Comparator.comparing(CarePlan::startDate))
			.map((plan) -> new PatientSummary.Plan(plan.pathwayName(), plan.pathwayVersion(), plan.status().name(),
					plan.startDate(), plan.endDate(), plan.endReason(),
					plan.pauses()
						.stream()
						.map((p) -> new PatientSummary.PausePeriod(p.from(), lastDay(p), p.reason()))
						.toList()))
			.toList();
	}

	private static java.time.LocalDate lastDay(no.heima.careplan.Pause pause) {
		java.time.LocalDate last = pause.until();
		if (pause.resumedOn() != null) {
			java.time.LocalDate beforeResume = pause.resumedOn().minusDays(1);
			last = (last == null || beforeResume.isBefore(last)) ? beforeResume : last;
		}
		return last;
	}

	/**
	 * One series per vital component, oldest first, with the band that applied to the
	 * last value (the patient's own bound winning over the pathway's, as in triage).
	 */
	private static List<Series> series(List<Measurement> values, List<CarePlan> plans,
			Map<CarePlan, PublishedPathway> versions) {
		Map<String, List<Point>> points = new LinkedHashMap<>();
		Map<String, Threshold> bands = new HashMap<>();
		Map<String, String[]> keys = new HashMap<>();
		values.stream().sorted(Comparator.comparing(Measurement::measuredAt)).forEach((m) -> {
			CarePlan plan = plans.stream().filter((p) -> p.id().equals(m.carePlanId())).findFirst().orElse(null);
			m.values().forEach((v) -> {
				String key = m.vital().name() + "|" + v.code();
				keys.putIfAbsent(key, new String[] { m.vital().name(), v.code(), v.unit() });
				points.computeIfAbsent(key, (k) -> new ArrayList<>())
					.add(new Point(m.measuredAt(), v.value(), m.triage().level().name()));
				band(plan, versions.get(plan), m.activityId(), v.code()).ifPresent((b) -> bands.put(key, b));
			});
		});
		List<Series> result = new ArrayList<>();
		points.forEach((key, list) -> {
			String[] k = keys.get(key);
			result.add(new Series(k[0], k[1], k[2], bands.get(key), List.copyOf(list)));
		});
		return result;
	}

	private static Optional<Threshold> band(CarePlan plan, PublishedPathway version, String activityId, String code) {
		if (plan == null || activityId == null) {
			return Optional.empty();
		}
		Optional<Threshold> own = plan.personalThresholds()
			.stream()
			.filter((p) -> activityId.equals(p.activityId()) && p.threshold() != null
					&& code.equals(p.threshold().code()))
			.map(PersonalThreshold::threshold)
			.findFirst();
		if (own.isPresent() || version == null) {
			return own;
		}
		return version.definition()
			.activities()
			.stream()
			.filter((a) -> activityId.equals(a.id()))
			.map(Activity::thresholds)
			.flatMap(List::stream)
			.filter((t) -> Objects.equals(code, t.code()))
			.findFirst();
	}

}
