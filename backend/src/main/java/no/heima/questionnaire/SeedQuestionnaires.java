package no.heima.questionnaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Heima's built-in questionnaires (classpath {@code questionnaires/*.json}): imported
 * through the same gate as any other when their url|version is absent, after the
 * validator has warmed; present ones are left alone, so a restart changes nothing.
 */
@Component
class SeedQuestionnaires {

	static final String LOCATION = "classpath:questionnaires/*.json";

	private static final Logger log = LoggerFactory.getLogger(SeedQuestionnaires.class);

	private final QuestionnaireLibrary library;

	private final ValidatorAndFhirPath fhir;

	private final QuestionnaireProperties properties;

	SeedQuestionnaires(QuestionnaireLibrary library, ValidatorAndFhirPath fhir, QuestionnaireProperties properties) {
		this.library = library;
		this.fhir = fhir;
		this.properties = properties;
		this.seeding = Mono.defer(() -> properties.seed()
				? seed().doOnNext(count -> log.info("Built-in questionnaires imported: {}", count)).then()
				: Mono.<Void>empty())
			.onErrorResume(e -> {
				log.error("Importing the built-in questionnaires failed", e);
				return Mono.empty();
			})
			.cache();
	}

	/** The seeds as JSON, sorted by file name. */
	static List<String> all() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(found)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(SeedQuestionnaires::read)
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The start-up import, run once: started at application ready or by the first caller
	 * of {@link #done()}, whichever comes first (so a caller waiting for it during
	 * start-up cannot wait forever).
	 */
	private final Mono<Void> seeding;

	/** Completes when the start-up import has finished (at once when seeding is off). */
	Mono<Void> done() {
		return seeding;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedInBackground() {
		seeding.subscribe();
	}

	Mono<Long> seed() {
		return fhir.ready()
			.thenMany(Flux.fromIterable(all()))
			.concatMap(json -> fhir.call(() -> fhir.parseQuestionnaire(json))
				.flatMap(q -> library.importIfAbsent("seed", q.getUrl(), q.getVersion(), json)
					.doOnError(e -> log.error("Built-in questionnaire {}|{} was refused: {}", q.getUrl(),
							q.getVersion(), e.getMessage()))
					.onErrorReturn(false)))
			.filter(Boolean::booleanValue)
			.count();
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
