package no.heima.pathway;

import java.math.BigDecimal;
import java.util.Date;
import no.heima.fhir.HeimaUris;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.TimeType;
import org.springframework.stereotype.Component;

/**
 * A published pathway version as FHIR R4: a PlanDefinition with one action per activity,
 * each defined by a contained ActivityDefinition (a questionnaire task, or a vital coded
 * in LOINC). Schedules become Timings (relative days become one sub-action per day, timed
 * from the start); triage bounds and windows, which FHIR has no element for, travel as
 * Heima extensions.
 */
@Component
class PlanDefinitionExport {

	private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

	private final HeimaUris uris;

	PlanDefinitionExport(HeimaUris uris) {
		this.uris = uris;
	}

	PlanDefinition toFhir(PublishedPathway pathway) {
		PathwayDefinition d = pathway.definition();
		PlanDefinition plan = new PlanDefinition();
		plan.setId(pathway.pathwayId() + "-" + pathway.version());
		plan.setUrl(this.uris.canonical("PlanDefinition", pathway.pathwayId().toString()));
		plan.setVersion(String.valueOf(pathway.version()));
		plan.setName(d.name().replaceAll("[^A-Za-z0-9]", ""));
		plan.setTitle(d.name());
		plan.setStatus(PublicationStatus.ACTIVE);
		plan.setDate(Date.from(pathway.publishedAt()));
		plan.setType(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/plan-definition-type", "clinical-protocol", null)));
		if (d.description() != null && d.description().nb() != null) {
			plan.setDescription(d.description().nb());
			translate(plan.getDescriptionElement(), d.description().en());
		}
		for (Activity activity : d.activities()) {
			ActivityDefinition definition = activityDefinition(activity);
			plan.addContained(definition);
			PlanDefinition.PlanDefinitionActionComponent action = plan.addAction()
				.setTitle(activity.title())
				.setDefinition(new org.hl7.fhir.r4.model.CanonicalType("#" + definition.getId()));
			action.setId(activity.id());
			schedule(action, activity.schedule());
		}
		return plan;
	}

	private ActivityDefinition activityDefinition(Activity activity) {
		ActivityDefinition definition = new ActivityDefinition();
		definition.setId("activity-" + activity.id());
		definition.setStatus(PublicationStatus.ACTIVE);
		definition.setTitle(activity.title());
		if (activity.type() == Activity.Type.QUESTIONNAIRE) {
			definition.setKind(ActivityDefinition.ActivityDefinitionKind.TASK);
			definition.addRelatedArtifact()
				.setType(RelatedArtifact.RelatedArtifactType.DEPENDSON)
				.setResource(activity.questionnaireUrl() + "|" + activity.questionnaireVersion());
		}
		else {
			definition.setKind(ActivityDefinition.ActivityDefinitionKind.SERVICEREQUEST);
			definition.setCode(new CodeableConcept(
					new Coding("http://loinc.org", activity.vital().loinc(), activity.vital().display())));
		}
		for (Threshold threshold : activity.thresholds()) {
			Extension bounds = definition.addExtension().setUrl(this.uris.extension("triage-threshold"));
			bounds.addExtension("code", new StringType(threshold.code()));
			bound(bounds, "redLow", threshold.redLow());
			bound(bounds, "yellowLow", threshold.yellowLow());
			bound(bounds, "yellowHigh", threshold.yellowHigh());
			bound(bounds, "redHigh", threshold.redHigh());
		}
		return definition;
	}

	private void schedule(PlanDefinition.PlanDefinitionActionComponent action, Schedule schedule) {
		action.addExtension(this.uris.extension("time-window-start"), new TimeType(schedule.windowStart().toString()));
		action.addExtension(this.uris.extension("time-window-end"), new TimeType(schedule.windowEnd().toString()));
		if (schedule.kind() == Schedule.Kind.RELATIVE_DAYS) {
			for (Integer day : schedule.days()) {
				Duration afterStart = new Duration();
				afterStart.setValue(day - 1).setUnit("d").setSystem("http://unitsofmeasure.org").setCode("d");
				action.addAction().setTitle("Day " + day).setTiming(afterStart);
			}
			return;
		}
		Timing timing = new Timing();
		Timing.TimingRepeatComponent repeat = timing.getRepeat();
		repeat.setFrequency(1).setPeriodUnit(Timing.UnitsOfTime.D);
		repeat.setPeriod((schedule.kind() == Schedule.Kind.EVERY_N_DAYS) ? schedule.intervalDays() : 1);
		if (schedule.kind() == Schedule.Kind.WEEKDAYS) {
			schedule.weekdays()
				.stream()
				.sorted()
				.forEach((day) -> repeat
					.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase())));
		}
		if (schedule.durationDays() != null) {
			repeat.setBounds(new Duration().setValue(schedule.durationDays())
				.setUnit("d")
				.setSystem("http://unitsofmeasure.org")
				.setCode("d"));
		}
		action.setTiming(timing);
	}

	private static void bound(Extension parent, String name, BigDecimal value) {
		if (value != null) {
			parent.addExtension(name, new DecimalType(value));
		}
	}

	private static void translate(org.hl7.fhir.r4.model.PrimitiveType<?> element, String english) {
		if (english != null && !english.isBlank()) {
			Extension translation = element.addExtension().setUrl(TRANSLATION);
			translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("en"));
			translation.addExtension("content", new StringType(english));
		}
	}

}
