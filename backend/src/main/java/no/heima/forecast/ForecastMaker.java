package no.heima.forecast;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.heima.careplan.CompletionTally;
import no.heima.pathway.Activity;
import no.heima.pathway.PublishedPathway;
import no.heima.worklist.RaisedTally;

/**
 * One forecast from the tallies of the window: what each activity did, its rates, and the
 * days ahead. Items the window raised for plans no longer open are left out on both sides
 * (their tasks are not counted either).
 */
final class ForecastMaker {

	/** Item kinds a submission raises (yellow or red, or not assessable). */
	private static final Set<String> ALERTS = Set.of("MEASUREMENT", "RESPONSE", "UNASSESSED");

	private final ForecastProperties properties;

	private final List<Projection.Planned> planned;

	private final List<String> teams;

	private final LocalDate windowFrom;

	private final LocalDate start;

	private final Map<UUID, Projection.Planned> byPlan = new HashMap<>();

	/** The newest version of each pathway the plans follow. */
	private final Map<UUID, PublishedPathway> latest = new HashMap<>();

	ForecastMaker(ForecastProperties properties, List<Projection.Planned> planned, List<String> teams,
			LocalDate windowFrom, LocalDate start) {
		this.properties = properties;
		this.planned = planned;
		this.teams = teams;
		this.windowFrom = windowFrom;
		this.start = start;
		for (Projection.Planned p : planned) {
			this.byPlan.put(p.plan().id(), p);
			this.latest.merge(p.plan().pathwayId(), p.pathway(), (a, b) -> (a.version() >= b.version()) ? a : b);
		}
	}

	CapacityForecast make(List<CompletionTally.Count> done, List<RaisedTally.Count> raised, int days, int nurses) {
		Map<Projection.Key, Observed> observed = observed(done, raised);
		Set<Projection.Key> keys = new LinkedHashSet<>(observed.keySet());
		this.latest.forEach((id,
				pathway) -> pathway.definition().activities().forEach((a) -> keys.add(new Projection.Key(id, a.id()))));
		Observed pool = keys.stream()
			.filter(this::watched)
			.map((k) -> observed.getOrDefault(k, Observed.NONE))
			.reduce(Observed.NONE, Observed::plus);
		Map<Projection.Key, Rate> rates = new HashMap<>();
		keys.forEach((k) -> rates.put(k,
				Rate.of(observed.getOrDefault(k, Observed.NONE), pool, watched(k), this.properties)));
		long patients = this.planned.stream().map((p) -> p.plan().patientId()).distinct().count();
		double dhoNurses = Projection.round(patients / this.properties.patientsPerNurse());
		List<CapacityForecast.Day> perDay = Projection.days(this.planned,
				(k) -> rates.computeIfAbsent(k, (key) -> Rate.of(Observed.NONE, pool, true, this.properties)),
				this.start, days, nurses, dhoNurses);
		double total = Projection.round(perDay.stream().mapToDouble(CapacityForecast.Day::expected).sum());
		List<CapacityForecast.ActivityRate> table = keys.stream()
			.map((k) -> row(k, observed.getOrDefault(k, Observed.NONE), rates.get(k)))
			.sorted(Comparator.comparing(CapacityForecast.ActivityRate::pathway)
				.thenComparing(CapacityForecast.ActivityRate::activityId))
			.toList();
		return new CapacityForecast(this.start, days, this.teams, this.windowFrom, this.planned.size(), patients,
				nurses, this.properties.patientsPerNurse(), dhoNurses, total, this.properties.minHistory(), perDay,
				table);
	}

	private Map<Projection.Key, Observed> observed(List<CompletionTally.Count> done, List<RaisedTally.Count> raised) {
		Map<Projection.Key, Observed> observed = new HashMap<>();
		Projection.scheduled(this.planned, this.windowFrom, this.start)
			.forEach((k, n) -> observed.merge(k, new Observed(n, 0, 0, 0), Observed::plus));
		for (CompletionTally.Count c : done) {
			key(c.carePlanId(), c.activityId())
				.ifPresent((k) -> observed.merge(k, new Observed(0, c.done(), 0, 0), Observed::plus));
		}
		for (RaisedTally.Count r : raised) {
			boolean alert = ALERTS.contains(r.kind());
			if (!alert && !"MISSING".equals(r.kind())) {
				continue;
			}
			key(r.carePlanId(), r.activityId()).ifPresent((k) -> observed.merge(k,
					new Observed(0, 0, alert ? r.raised() : 0, alert ? 0 : r.raised()), Observed::plus));
		}
		return observed;
	}

	private java.util.Optional<Projection.Key> key(UUID carePlanId, String activityId) {
		Projection.Planned p = this.byPlan.get(carePlanId);
		if (p == null || activityId == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Projection.Key(p.plan().pathwayId(), activityId));
	}

	/** Whether a rule watches the activity (one that only collects raises no alerts). */
	private boolean watched(Projection.Key key) {
		PublishedPathway pathway = this.latest.get(key.pathwayId());
		return pathway == null
				|| pathway.activity(key.activityId()).map((a) -> !Boolean.TRUE.equals(a.collectOnly())).orElse(true);
	}

	private CapacityForecast.ActivityRate row(Projection.Key k, Observed o, Rate r) {
		PublishedPathway pathway = this.latest.get(k.pathwayId());
		String name = (pathway != null) ? pathway.definition().name() : k.pathwayId().toString();
		String title = (pathway != null) ? pathway.activity(k.activityId()).map(Activity::title).orElse(k.activityId())
				: k.activityId();
		return new CapacityForecast.ActivityRate(k.pathwayId(), name, k.activityId(), title, o.scheduled(), o.done(),
				o.alerts(), o.missed(), Projection.round(r.done()), Projection.round(r.alertShare()),
				Projection.round(r.missed()), Math.round(r.itemsPerTask() * 10_000) / 10_000.0, r.basis().name());
	}

}
