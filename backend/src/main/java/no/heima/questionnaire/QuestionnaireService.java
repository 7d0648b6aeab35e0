package no.heima.questionnaire;

import ca.uhn.fhir.parser.DataFormatException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features use of the questionnaire library. Lookups answer empty when there
 * is no such questionnaire; callers decide what that means to them. A canonical is
 * {@code url|version}; without {@code |version} it means the newest version that is not
 * retired.
 */
@Service
public class QuestionnaireService {

	private final QuestionnaireRepository repository;

	private final ValidatorAndFhirPath fhir;

	private final SeedQuestionnaires seeds;

	/**
	 * Stored versions named by {@code url|version}, parsed once: the resource of a stored
	 * version never changes (unique on url and version; only its retired flag does), so a
	 * submission need not read and parse it again.
	 */
	private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(256).build();

	/** A stored version with its resource parsed; the resource is shared: read only. */
	private record Parsed(QuestionnaireRepository.Stored stored, Questionnaire resource) {
	}

	QuestionnaireService(QuestionnaireRepository repository, ValidatorAndFhirPath fhir, SeedQuestionnaires seeds) {
		this.repository = repository;
		this.fhir = fhir;
		this.seeds = seeds;
	}

	/**
	 * Completes when the built-in questionnaires have been imported at start-up (in the
	 * background, after the validator has warmed), for work that refers to them.
	 */
	public Mono<Void> builtInsImported() {
		return seeds.done();
	}

	/**
	 * A version that may be chosen for a new pathway: it exists and is not retired
	 * (drafts included; check {@link QuestionnaireRef#status()} to refuse them).
	 */
	public Mono<QuestionnaireRef> findActive(String url, String version) {
		return find(url, version).filter(ref -> !ref.retired());
	}

	/** Any stored version, retired ones included (enrolled patients still use them). */
	public Mono<QuestionnaireRef> find(String url, String version) {
		return repository.findByCanonical(url, version).map(QuestionnaireRepository.Stored::ref);
	}

	/** The questionnaire as FHIR R4 JSON, retired ones included. */
	public Mono<String> json(String url, String version) {
		return repository.findByCanonical(url, version).map(QuestionnaireRepository.Stored::json);
	}

	/**
	 * The stored version {@code url|version} as parsed once and kept (empty when there is
	 * no such version). The instance is shared between threads and submissions: read it,
	 * never change it ({@code copy()} first).
	 */
	public Mono<Questionnaire> pinned(String url, String version) {
		return stored(url, version).map(Parsed::resource);
	}

	/** A version from the cache; without a version (the newest), read every time. */
	private Mono<Parsed> stored(String url, String version) {
		if (version == null) {
			return repository.findByCanonical(url, null)
				.flatMap(stored -> fhir.call(() -> new Parsed(stored, fhir.parseQuestionnaire(stored.json()))));
		}
		String key = url + "|" + version;
		Parsed hit = parsed.getIfPresent(key);
		if (hit != null) {
			return Mono.just(hit);
		}
		return repository.findByCanonical(url, version)
			.flatMap(stored -> fhir.call(() -> new Parsed(stored, fhir.parseQuestionnaire(stored.json()))))
			.doOnNext(p -> parsed.put(key, p));
	}

	/**
	 * Scores a response (FHIR JSON) on the server: every {@code calculatedExpression} is
	 * computed from the answers, with the questionnaire's ordinal values; what the client
	 * put in calculated items is ignored. Fails with {@code not-found} for an unknown
	 * questionnaire and {@code invalid-response} for a response that does not fit it.
	 */
	public Mono<ScoreResult> score(String canonical, String responseJson) {
		return fhir.call(() -> {
			try {
				return fhir.parseResponse(responseJson);
			}
			catch (DataFormatException | IllegalArgumentException e) {
				throw invalid("body", "malformed", "Not a FHIR R4 QuestionnaireResponse: " + e.getMessage());
			}
		}).flatMap(response -> score(canonical, response));
	}

	/** As {@link #score(String, String)}; {@code response} itself is left unchanged. */
	public Mono<ScoreResult> score(String canonical, QuestionnaireResponse response) {
		return Mono.fromCallable(() -> Canonical.parse(canonical))
			.flatMap(wanted -> repository.findByCanonical(wanted.url(), wanted.version()))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
					"No questionnaire " + canonical + " in the library")))
			.flatMap(stored -> fhir.call(() -> score(stored, response.copy())));
	}

	/**
	 * Makes a submitted response into what the server keeps (see {@link Conformance}):
	 * answers to disabled or hidden items dropped, calculated items computed, every
	 * constraint of the questionnaire checked. {@code response} itself is left unchanged.
	 * Fails with a problem naming the question (in {@code language}, else the form's) for
	 * the first constraint broken, {@code invalid-response} for items the questionnaire
	 * does not have, {@code not-found} for an unknown questionnaire.
	 */
	public Mono<ConformedResponse> conform(String canonical, QuestionnaireResponse response, String language,
			AttachmentFacts.Resolver attachments) {
		return Mono.fromCallable(() -> Canonical.parse(canonical))
			.flatMap(wanted -> stored(wanted.url(), wanted.version()))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
					"No questionnaire " + canonical + " in the library")))
			.flatMap(p -> fhir
				.call(() -> conform(p.stored(), p.resource().copy(), response.copy(), language, attachments)));
	}

	private ConformedResponse conform(QuestionnaireRepository.Stored stored, Questionnaire questionnaire,
			QuestionnaireResponse response, String language, AttachmentFacts.Resolver attachments) {
		String canonical = stored.ref().canonical();
		if (response.hasQuestionnaire() && !response.getQuestionnaire().equals(canonical)
				&& !response.getQuestionnaire().equals(stored.ref().url())) {
			throw invalid("questionnaire", "other-questionnaire",
					"The response answers " + response.getQuestionnaire() + ", not " + canonical);
		}
		response.setQuestionnaire(canonical);
		String patientLanguage = language != null ? language
				: response.hasLanguage() ? response.getLanguage() : Translations.language(questionnaire);
		Conformance.Result result = new Conformance(fhir.fhirPath()).conform(questionnaire, response, patientLanguage,
				attachments);
		return new ConformedResponse(
				new ScoreResult(canonical, result.scores(), fhir.encode(response), result.failures()),
				result.dropped());
	}

	/**
	 * The rules of an attachment question ({@code mimeType}, {@code maxSize}), for
	 * checking an upload before any response refers to it; empty when the questionnaire
	 * has no attachment item {@code linkId}.
	 */
	public Mono<AttachmentRules> attachmentRules(String canonical, String linkId, String language) {
		return Mono.fromCallable(() -> Canonical.parse(canonical))
			.flatMap(wanted -> repository.findByCanonical(wanted.url(), wanted.version()))
			.flatMap(stored -> fhir.call(() -> {
				Questionnaire questionnaire = fhir.parseQuestionnaire(stored.json());
				Questionnaire.QuestionnaireItemComponent item = ResponseAnswers.byLinkId(questionnaire.getItem())
					.get(linkId);
				if (item == null || item.getType() != Questionnaire.QuestionnaireItemType.ATTACHMENT) {
					return null;
				}
				var maxSize = item.getExtensionByUrl(FhirUrls.MAX_SIZE);
				return new AttachmentRules(linkId,
						new ResponseTree(questionnaire,
								language == null ? Translations.language(questionnaire) : language)
							.text(item),
						item.getExtensionsByUrl(FhirUrls.MIME_TYPE)
							.stream()
							.filter(e -> e.getValue() != null)
							.map(e -> e.getValue().primitiveValue())
							.toList(),
						maxSize != null && maxSize.getValue() instanceof org.hl7.fhir.r4.model.DecimalType d
								? d.getValue() : null);
			}));
	}

	private ScoreResult score(QuestionnaireRepository.Stored stored, QuestionnaireResponse response) {
		String canonical = stored.ref().canonical();
		if (response.hasQuestionnaire() && !response.getQuestionnaire().equals(canonical)
				&& !response.getQuestionnaire().equals(stored.ref().url())) {
			throw invalid("questionnaire", "other-questionnaire",
					"The response answers " + response.getQuestionnaire() + ", not " + canonical);
		}
		response.setQuestionnaire(canonical);
		Questionnaire questionnaire = fhir.parseQuestionnaire(stored.json());
		Scorer scorer = new Scorer(fhir.fhirPath());
		List<Score> scores = scorer.score(questionnaire, response);
		return new ScoreResult(canonical, scores, fhir.encode(response), scorer.failures());
	}

	private static HeimaProblemException invalid(String field, String code, String message) {
		return new HeimaProblemException(ProblemType.INVALID_RESPONSE, message,
				List.of(new FieldProblem(field, code, message)));
	}

	/** {@code url|version}, version optional. */
	record Canonical(String url, String version) {

		static Canonical parse(String canonical) {
			if (canonical == null || canonical.isBlank()) {
				throw invalid("questionnaire", "required", "A canonical url is required");
			}
			int bar = canonical.indexOf('|');
			return bar < 0 ? new Canonical(canonical.strip(), null)
					: new Canonical(canonical.substring(0, bar).strip(), canonical.substring(bar + 1).strip());
		}

	}

}
