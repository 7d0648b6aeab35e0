/**
 * Pathway templates a clinic admin configures: which questionnaires and measurements, on
 * which schedule, with which triage thresholds and which self-management advice per
 * level. Templates are versioned: edits go to a draft, publishing freezes it as the next
 * version, and a published version never changes (a trigger refuses it), so every patient
 * enrolled on it keeps exactly what they were enrolled on. Exported as FHIR
 * PlanDefinition with ActivityDefinitions.
 */
@ApplicationModule(allowedDependencies = { "questionnaire" })
package no.heima.pathway;

import org.springframework.modulith.ApplicationModule;
