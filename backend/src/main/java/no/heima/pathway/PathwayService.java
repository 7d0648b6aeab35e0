package no.heima.pathway;

import no.heima.identity.Access;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.questionnaire.QuestionnaireService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pathway templates. ADMINs of a team create, edit and publish its pathways; CLINICIANs
 * of the team read them (to enrol patients). Other features use
 * {@link #published(UUID, Integer)}.
 */
@Service
public class PathwayService {

	private static final int MAX_PREVIEW_DAYS = 120;

	private final PathwayRepository repository;

	private final TransactionalOperator tx;

	private final QuestionnaireService questionnaires;

	/**
	 * Published versions never change (a change is a new version), so each is read once
	 * per JVM: every submission needs its pathway version, and this was two statements of
	 * each. Bounded by what admins publish (a few per pathway), so no eviction.
	 */
	private final Map<VersionKey, PublishedPathway> publishedVersions = new ConcurrentHashMap<>();

	private record VersionKey(UUID pathway, int version) {
	}

	PathwayService(PathwayRepository repository, TransactionalOperator tx, QuestionnaireService questionnaires) {
		this.repository = repository;
		this.tx = tx;
		this.questionnaires = questionnaires;
	}

	public Mono<PathwaySummary> create(CurrentUser actor, String requestedTeam, PathwayDefinition definition) {
		String team = (requestedTeam == null || requestedTeam.isBlank())
				? actor.teams().stream().findFirst().orElse(null) : requestedTeam;
		return requireRole(actor, Role.ADMIN).then(Mono.defer(() -> {
			List<FieldProblem> problems = new ArrayList<>(PathwayValidator.validate(definition));
			if (team == null || !actor.isMemberOf(team)) {
				problems.add(new FieldProblem("team", "not-member", "Not one of your teams"));
			}
			if (!problems.isEmpty()) {
				return Mono.error(HeimaProblemException.validation(problems));
			}
			UUID id = UUID.randomUUID();
			return this.tx.transactional(
					this.repository.create(id, team, definition, actor.subject()).then(this.repository.summary(id)));
		}));
	}

	public Mono<PathwaySummary> saveDraft(CurrentUser actor, UUID id, PathwayDefinition definition) {
		return adminOf(actor, id).flatMap((pathway) -> {
			List<FieldProblem> problems = PathwayValidator.validate(definition);
			if (!problems.isEmpty()) {
				return Mono.error(HeimaProblemException.validation(problems));
			}
			return this.tx.transactional(
					this.repository.saveDraft(id, definition, actor.subject()).then(this.repository.summary(id)));
		});
	}

	/**
	 * The draft, or (when there is none) the latest published definition to start an edit
	 * from.
	 */
	public Mono<PathwayDefinition> draftOrLatest(CurrentUser actor, UUID id) {
		return readableBy(actor, id).then(this.repository.draft(id)
			.switchIfEmpty(this.repository.latest(id).map(PublishedPathway::definition))
			.switchIfEmpty(notFound()));
	}

	public Mono<PublishedPathway> publish(CurrentUser actor, UUID id) {
		return adminOf(actor, id).flatMap((pathway) -> this.repository.draft(id)
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
					"There is no draft to publish; edit the pathway first")))
			.flatMap((draft) -> questionnaireProblems(draft).flatMap((missing) -> {
				List<FieldProblem> problems = new ArrayList<>(PathwayValidator.validate(draft));
				problems.addAll(missing);
				if (problems.isEmpty()) {
					problems.addAll(WatchCheck.unwatched(draft));
					if (!problems.isEmpty()) {
						return Mono.error(WatchCheck.refusal(draft, problems));
					}
				}
				return problems.isEmpty() ? this.tx.transactional(this.repository.publishDraft(id, actor.subject()))
						: Mono.error(HeimaProblemException.validation(problems));
			}))
			.flatMap((version) -> this.repository.version(id, version)));
	}

	public Flux<PathwaySummary> list(CurrentUser actor) {
		return requireRole(actor, Role.ADMIN, Role.CLINICIAN)
			.thenMany(Flux.defer(() -> this.repository.list(actor.teams())));
	}

	public Mono<PathwaySummary> get(CurrentUser actor, UUID id) {
		return readableBy(actor, id);
	}

	/** Every published version, newest first. */
	public Mono<List<PublishedPathway>> versions(CurrentUser actor, UUID id) {
		return readableBy(actor, id).then(this.repository.versions(id).collectList());
	}

	public Mono<PublishedPathway> version(CurrentUser actor, UUID id, int version) {
		return readableBy(actor, id).then(this.repository.version(id, version)).switchIfEmpty(notFound());
	}

	/**
	 * What a patient starting on {@code start} would be asked to do in the first
	 * {@code days} days: of the given version, or of the draft (then the latest version)
	 * when none is given.
	 */
	public Mono<List<SchedulePreview.Day>> preview(CurrentUser actor, UUID id, Integer version, LocalDate start,
			int days) {
		if (days < 1 || days > MAX_PREVIEW_DAYS) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("days", "range", "Between 1 and " + MAX_PREVIEW_DAYS))));
		}
		Mono<PathwayDefinition> definition = (version == null) ? draftOrLatest(actor, id)
				: version(actor, id, version).map(PublishedPathway::definition);
		return definition.map((d) -> SchedulePreview.of(d, start, days));
	}

	/**
	 * A published version for another feature (which does its own access check); the
	 * latest when {@code version} is null. Empty if there is no such version.
	 */
	public Mono<PublishedPathway> published(UUID id, Integer version) {
		if (version == null) {
			return this.repository.latest(id);
		}
		PublishedPathway cached = this.publishedVersions.get(new VersionKey(id, version));
		if (cached != null) {
			return Mono.just(cached);
		}
		return this.repository.version(id, version)
			.doOnNext((found) -> this.publishedVersions.putIfAbsent(new VersionKey(id, version), found));
	}

	/**
	 * A published version must point at questionnaires that exist in the library and are
	 * not retired (a draft may still point at one not imported yet).
	 */
	private Mono<List<FieldProblem>> questionnaireProblems(PathwayDefinition definition) {
		List<Activity> activities = definition.activities();
		return Flux.range(0, activities.size())
			.filter((i) -> activities.get(i).type() == Activity.Type.QUESTIONNAIRE
					&& activities.get(i).questionnaireUrl() != null)
			.concatMap((i) -> this.questionnaires
				.findActive(activities.get(i).questionnaireUrl(), activities.get(i).questionnaireVersion())
				.map((found) -> Optional.<FieldProblem>empty())
				.defaultIfEmpty(Optional.of(new FieldProblem("activities[" + i + "].questionnaireUrl", "unknown",
						"No such questionnaire version in the library (or it is retired)"))))
			.flatMap(Mono::justOrEmpty)
			.collectList();
	}

	/**
	 * Checks bounds for an activity with the pathway's own rules (e.g. a patient's
	 * personal bounds).
	 */
	public List<FieldProblem> checkThreshold(String path, Activity activity, Threshold threshold) {
		return PathwayValidator.checkThreshold(path, activity, threshold);
	}

	private Mono<PathwaySummary> adminOf(CurrentUser actor, UUID id) {
		return requireRole(actor, Role.ADMIN).then(this.repository.summary(id))
			.filter((p) -> actor.isMemberOf(p.team()))
			.switchIfEmpty(notFound());
	}

	private Mono<PathwaySummary> readableBy(CurrentUser actor, UUID id) {
		return requireRole(actor, Role.ADMIN, Role.CLINICIAN).then(Mono.defer(() -> this.repository.summary(id)))
			.filter((p) -> actor.isMemberOf(p.team()))
			.switchIfEmpty(notFound());
	}

	/** Pathways are configured by clinic admins; clinicians may read them. */
	private static Mono<Void> requireRole(CurrentUser actor, Role... roles) {
		return Access.require(actor, "Pathways are configured by clinic admins", roles);
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such pathway"));
	}

}
