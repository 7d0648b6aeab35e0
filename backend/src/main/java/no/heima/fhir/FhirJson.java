package no.heima.fhir;

import ca.uhn.fhir.context.FhirContext;
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

	public static String write(IBaseResource resource) {
		return context().newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
	}

	public static <T extends IBaseResource> T read(Class<T> type, String json) {
		return context().newJsonParser().parseResource(type, json);
	}

}
