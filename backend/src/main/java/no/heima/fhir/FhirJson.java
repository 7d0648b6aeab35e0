package no.heima.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The shared R4 context (expensive to build, thread-safe once built) and its JSON form.
 */
public final class FhirJson {

	public static final String MEDIA_TYPE = "application/fhir+json";

	private FhirJson() {
	}

	public static FhirContext context() {
		return FhirContext.forR4Cached();
	}

	/**
	 * One parser per thread: a HAPI parser is not thread-safe, and one made per call (as
	 * before issue 13) was made on every submission for every resource. Nothing changes
	 * the parser's settings after it is made, so reuse on one thread is safe.
	 */
	private static final ThreadLocal<IParser> PARSER = ThreadLocal
		.withInitial(() -> context().newJsonParser().setPrettyPrint(false));

	public static String write(IBaseResource resource) {
		return PARSER.get().encodeResourceToString(resource);
	}

	public static <T extends IBaseResource> T read(Class<T> type, String json) {
		return PARSER.get().parseResource(type, json);
	}

}
