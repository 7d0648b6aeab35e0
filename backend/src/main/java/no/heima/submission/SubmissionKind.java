package no.heima.submission;

import org.springframework.modulith.NamedInterface;
import no.heima.worklist.ItemRaised;

/**
 * The two kinds of patient submission: their metric tag, audited resource and item kind.
 */
@NamedInterface("pipeline")
public enum SubmissionKind {

	MEASUREMENT("measurement", "Observation", ItemRaised.Kind.MEASUREMENT),

	RESPONSE("response", "QuestionnaireResponse", ItemRaised.Kind.RESPONSE);

	final String metric;

	final String resource;

	final ItemRaised.Kind item;

	SubmissionKind(String metric, String resource, ItemRaised.Kind item) {
		this.metric = metric;
		this.resource = resource;
		this.item = item;
	}

	/** The FHIR resource type audit rows of this kind name. */
	public String resource() {
		return this.resource;
	}

}
