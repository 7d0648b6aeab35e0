package no.heima.questionnaire;

import no.heima.identity.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The library as people use it through the API: ADMIN imports and retires; CLINICIAN and
 * ADMIN list and read; anyone logged in (patients too) reads one by canonical url, to
 * render it. Other features use {@link QuestionnaireService} instead.
 */
@Service
class QuestionnaireLibrary {

	static final int MAX_PAGE_SIZE = 100;

	private final QuestionnaireRepository repository;

	private final QuestionnaireValidation validation;

	private final ValidatorAndFhirPath fhir;

	QuestionnaireLibrary(QuestionnaireRepository repository, QuestionnaireValidation validation,
			ValidatorAndFhirPath fhir) {
		this.repository = repository;
		this.validation = validation;
		this.fhir = fhir;
	}

	/** The body is read only once the caller is known to be an ADMIN. */
	Mono<ImportResult> importQuestionnaire(CurrentUser actor, Mono<String> json) {
		return Access.require(actor, Role.ADMIN).then(json).flatMap(body -> store(actor, body));
	}

	/**
	 * Imports on Heima's own behalf (the built-in library) unless url|version is there.
	 */
	Mono<Boolean> importIfAbsent(String systemActor, String url, String version, String json) {
		CurrentUser actor = CurrentUser.system(systemActor);
		return repository.exists(url, version)
			.flatMap(present -> present ? Mono.just(false) : store(actor, json).thenReturn(true))
			// another replica seeding at the same moment got there first
			.onErrorResume(HeimaProblemException.class,
					e -> e.type() == ProblemType.DUPLICATE_VERSION ? Mono.just(false) : Mono.error(e));
	}

	Mono<QuestionnairePage> list(CurrentUser actor, String url, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			return Mono.error(HeimaProblemException.validation(
					List.of(new FieldProblem("page", "format", "page >= 0 and size between 1 and " + MAX_PAGE_SIZE))));
		}
		String filter = url == null || url.isBlank() ? null : url.strip();
		// the count is asked once the page is read, never while it is still streaming
		return requireClinicianOrAdmin(actor).then(repository.page(filter, size, (long) page * size)
			.collectList()
			.flatMap(found -> repository.countUrls(filter)
				.map(total -> new QuestionnairePage(group(found), page, size, total))));
	}

	Mono<String> json(CurrentUser actor, UUID id) {
		return requireClinicianOrAdmin(actor).then(repository.findJson(id)).switchIfEmpty(notFound());
	}

	Mono<QuestionnaireRef> ref(CurrentUser actor, UUID id) {
		return requireClinicianOrAdmin(actor).then(repository.findRef(id)).switchIfEmpty(notFound());
	}

	/** Any logged-in user: patients render their questionnaires from this. */
	Mono<String> jsonByCanonical(CurrentUser actor, String url, String version) {
		if (url == null || url.isBlank()) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("url", "required", "The canonical url is required"))));
		}
		return repository.findByCanonical(url.strip(), blankToNull(version))
			.map(QuestionnaireRepository.Stored::json)
			.switchIfEmpty(notFound());
	}

	Mono<QuestionnaireRef> retire(CurrentUser actor, UUID id) {
		return Access.require(actor, Role.ADMIN)
			.then(repository.retire(id, actor.subject()))
			.then(repository.findRef(id))
			.switchIfEmpty(notFound());
	}

	private Mono<ImportResult> store(CurrentUser actor, String json) {
		return validation.validate(json).flatMap(valid -> {
			Questionnaire questionnaire = valid.questionnaire();
			UUID id = UUID.randomUUID();
			questionnaire.setId(id.toString());
			String language = Translations.language(questionnaire);
			Map<String, String> titles = Translations.all(questionnaire.getTitleElement(), language);
			return fhir.call(() -> fhir.encode(questionnaire))
				.flatMap(stored -> repository.insert(new QuestionnaireRepository.NewQuestionnaire(id,
						questionnaire.getUrl(), questionnaire.getVersion(), questionnaire.getTitle(), titles,
						questionnaire.getStatus().toCode(), stored, actor.subject(), actor.name())))
				.map(ref -> new ImportResult(ref, valid.warnings()))
				.onErrorMap(DataIntegrityViolationException.class,
						duplicate -> duplicateVersion(questionnaire.getUrl(), questionnaire.getVersion()));
		});
	}

	/** Rows come newest-first within each url, urls in page order. */
	private static List<QuestionnaireSummary> group(List<QuestionnaireRef> rows) {
		Map<String, List<QuestionnaireRef>> byUrl = new LinkedHashMap<>();
		rows.forEach(ref -> byUrl.computeIfAbsent(ref.url(), u -> new ArrayList<>()).add(ref));
		return byUrl.entrySet()
			.stream()
			.map(e -> new QuestionnaireSummary(e.getKey(), e.getValue().get(0), e.getValue()))
			.toList();
	}

	private static Mono<Void> requireClinicianOrAdmin(CurrentUser actor) {
		return Access.require(actor, null, Role.CLINICIAN, Role.ADMIN);
	}

	private static HeimaProblemException duplicateVersion(String url, String version) {
		return new HeimaProblemException(ProblemType.DUPLICATE_VERSION,
				"Version " + version + " of " + url
						+ " is already imported; give the changed questionnaire a new version",
				List.of(new FieldProblem("Questionnaire.version", "duplicate-version", "Already imported")));
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such questionnaire"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
