package no.heima.careplan;

import java.sql.Date;
import no.heima.fhir.HeimaUris;
import no.heima.pathway.Activity;
import no.heima.pathway.PublishedPathway;
import no.heima.patient.Patient;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * A care plan as FHIR R4 CarePlan: the patient by national identifier, the pathway
 * version it instantiates, its period and status (paused is on-hold), one activity per
 * pathway activity, and the patient's personal bounds as a Heima extension.
 */
@Component
class CarePlanExport {

	private final HeimaUris uris;

	CarePlanExport(HeimaUris uris) {
		this.uris = uris;
	}

	org.hl7.fhir.r4.model.CarePlan toFhir(CarePlan plan, Patient patient, PublishedPathway pathway) {
		var fhir = new org.hl7.fhir.r4.model.CarePlan();
		fhir.setId(plan.id().toString());
		fhir.addIdentifier(
				new Identifier().setSystem(this.uris.identifierSystem("care-plan")).setValue(plan.id().toString()));
		fhir.setIntent(org.hl7.fhir.r4.model.CarePlan.CarePlanIntent.PLAN);
		fhir.setStatus(switch (plan.status()) {
			case ACTIVE -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE;
			case PAUSED -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ONHOLD;
			case ENDED -> org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.COMPLETED;
		});
		fhir.setTitle(pathway.definition().name());
		fhir.addInstantiatesCanonical(
				this.uris.canonical("PlanDefinition", plan.pathwayId().toString()) + "|" + plan.pathwayVersion());
		fhir.setSubject(new Reference()
			.setIdentifier(
					new Identifier().setSystem(patient.identifier().system()).setValue(patient.identifier().value()))
			.setDisplay(patient.givenName() + " " + patient.familyName()));
		Period period = new Period().setStart(Date.valueOf(plan.startDate()));
		if (plan.endDate() != null) {
			period.setEnd(Date.valueOf(plan.endDate()));
		}
		fhir.setPeriod(period);
		if (plan.endReason() != null) {
			fhir.addNote().setText(plan.endReason());
		}
		for (Activity activity : pathway.definition().activities()) {
			var detail = fhir.addActivity().getDetail();
			detail.setStatus(plan.status() == CarePlan.Status.ENDED
					? org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.STOPPED
					: org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus.INPROGRESS);
			detail.setDescription(activity.title());
			if (activity.type() == Activity.Type.QUESTIONNAIRE) {
				detail.addInstantiatesCanonical(activity.questionnaireUrl() + "|" + activity.questionnaireVersion());
			}
			else {
				detail.setCode(new CodeableConcept(
						new Coding("http://loinc.org", activity.vital().loinc(), activity.vital().display())));
			}
		}
		for (PersonalThreshold personal : plan.personalThresholds()) {
			Extension bounds = fhir.addExtension().setUrl(this.uris.extension("personal-triage-threshold"));
			bounds.addExtension("activity", new StringType(personal.activityId()));
			bounds.addExtension("code", new StringType(personal.threshold().code()));
			addBound(bounds, "redLow", personal.threshold().redLow());
			addBound(bounds, "yellowLow", personal.threshold().yellowLow());
			addBound(bounds, "yellowHigh", personal.threshold().yellowHigh());
			addBound(bounds, "redHigh", personal.threshold().redHigh());
		}
		return fhir;
	}

	private static void addBound(Extension parent, String name, java.math.BigDecimal value) {
		if (value != null) {
			parent.addExtension(name, new DecimalType(value));
		}
	}

}
