package no.heima.submission;

import org.springframework.modulith.NamedInterface;
import java.util.List;
import no.heima.careplan.CarePlan;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.Threshold;
import no.heima.patient.Patient;
import no.heima.triage.RuleVersion;

/**
 * What a submission answers: the patient's care plan, the pathway version it is pinned
 * to, and the activity (a measurement or a questionnaire) of that version.
 */
@NamedInterface("pipeline")
public record SubmissionTarget(Patient patient, CarePlan plan, PublishedPathway pathway, Activity activity) {

	public PathwayDefinition definition() {
		return this.pathway.definition();
	}

	/** The rule versions a triage of this submission comes from. */
	public RuleVersion rules() {
		return this.plan.ruleVersion();
	}

	/** The patient's own bounds for the activity. */
	public List<Threshold> personalBounds() {
		return this.plan.personalBounds(this.activity.id());
	}

}
