package no.heima.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The HAPI FHIR validator and FHIRPath engines (the one door to HAPI for questionnaires;
 * not a gateway to a FHIR server): a shared R4 context, one validator and the FHIRPath
 * engines, all built once. HAPI is blocking and its first validation loads every
 * structure definition (7–20 s), so work runs on {@code boundedElastic} and the validator
 * is warmed in the background when the application is ready, never holding up start-up.
 */
@Component
class ValidatorAndFhirPath {

	private static final Logger log = LoggerFactory.getLogger(ValidatorAndFhirPath.class);

	private static final String WARM_UP_QUESTIONNAIRE = """
			{"resourceType": "Questionnaire", "language": "nb-NO", "url": "https://heima.example/warm-up",
			 "version": "0", "status": "draft", "title": "Oppvarming",
			 "_title": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
			   "extension": [{"url": "lang", "valueCode": "en"}, {"url": "content", "valueString": "Warm-up"}]}]},
			 "item": [{"linkId": "a", "type": "choice", "text": "?", "answerOption": [{
			   "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1}],
			   "valueCoding": {"system": "urn:heima:warm-up", "code": "1", "display": "1"}}]},
			  {"linkId": "b", "type": "integer", "text": "?", "enableWhen": [{"question": "a",
			   "operator": "exists", "answerBoolean": true}]}]}
			""";

	private final FhirContext context = FhirContext.forR4Cached();

	private final IValidationSupport support;

	private final FhirValidator validator;

	private HapiWorkerContext worker;

	private final ThreadLocal<FHIRPathEngine> engines;

	private final AtomicReference<Duration> warmUpTime = new AtomicReference<>();

	private final Mono<Void> warmUp;

	private final boolean warmUpAtStart;

	ValidatorAndFhirPath(QuestionnaireProperties properties) {
		this.warmUpAtStart = properties.warmUp();
		this.support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
				new CommonCodeSystemsTerminologyService(context),
				new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context));
		this.validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
		// FHIRPathEngine keeps evaluation state in fields: one per thread, sharing one
		// worker context (built on first use: it loads definitions).
		this.engines = ThreadLocal.withInitial(() -> {
			FHIRPathEngine engine = new FHIRPathEngine(worker());
			engine.setHostServices(new ScoringFunctions());
			return engine;
		});
		this.warmUp = Mono.fromRunnable(this::warmUpNow).subscribeOn(Schedulers.boundedElastic()).onErrorResume(e -> {
			log.warn("FHIR validator warm-up failed; the first validation will be slow", e);
			return Mono.empty();
		}).then().cache();
	}

	/** Starts the warm-up in the background; start-up does not wait for it. */
	@EventListener(ApplicationReadyEvent.class)
	void warmUpInBackground() {
		if (warmUpAtStart) {
			warmUp.subscribe();
		}
	}

	/**
	 * Completes once the validator is warm (starting the warm-up if nobody has), so the
	 * first imports queue behind one cold validation rather than each paying for their
	 * own.
	 */
	Mono<Void> ready() {
		return warmUp;
	}

	/** How long the warm-up took, or null while it has not finished. */
	Duration warmUpTime() {
		return warmUpTime.get();
	}

	/** Runs blocking or CPU-heavy HAPI work off the event loop. */
	<T> Mono<T> call(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/** Validates raw JSON against the base FHIR R4 definitions (blocking). */
	List<SingleValidationMessage> validate(String json) {
		return validator.validateWithResult(json).getMessages();
	}

	/** This thread's FHIRPath engine, with Heima's scoring functions (blocking use). */
	FHIRPathEngine fhirPath() {
		return engines.get();
	}

	/** A lenient JSON parser (a parser is cheap and not thread-safe: one per use). */
	IParser parser() {
		return context.newJsonParser();
	}

	/**
	 * Parses whatever is readable, so Heima's own checks can run beside the validator,
	 * which reports invalid values and unknown elements itself. Fails only on broken
	 * JSON.
	 */
	IBaseResource parseTolerantly(String json) {
		return parser().setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors()).parseResource(json);
	}

	Questionnaire parseQuestionnaire(String json) {
		return parser().parseResource(Questionnaire.class, json);
	}

	QuestionnaireResponse parseResponse(String json) {
		return parser().parseResource(QuestionnaireResponse.class, json);
	}

	String encode(org.hl7.fhir.r4.model.Resource resource) {
		return parser().encodeResourceToString(resource);
	}

	private synchronized HapiWorkerContext worker() {
		if (worker == null) {
			worker = new HapiWorkerContext(context, support);
		}
		return worker;
	}

	private void warmUpNow() {
		long started = System.nanoTime();
		validate(WARM_UP_QUESTIONNAIRE);
		fhirPath().evaluate(parseQuestionnaire(WARM_UP_QUESTIONNAIRE), "item.answerOption.extension.value + 1");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		warmUpTime.set(took);
		log.info("FHIR validator warm in {} ms", took.toMillis());
	}

}
