/**
 * Care plans: a patient enrolled on one published pathway version with a start date and a
 * responsible team, personal threshold overrides, pauses, and an end. Computes the
 * patient's tasks for a day (what is due, in which window, and whether it is upcoming,
 * due, done or missed) in the patient's time zone, so windows stay local across
 * daylight-saving changes and paused days produce nothing. Exported as FHIR CarePlan.
 */
@ApplicationModule(allowedDependencies = { "audit", "pathway", "patient", "platform", "triage" })
package no.heima.careplan;

import org.springframework.modulith.ApplicationModule;
