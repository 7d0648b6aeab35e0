/**
 * What-if: replays a changed rule set of a pathway over the last days of stored
 * submissions of the patients enrolled on it, and counts the yellow and red items it
 * would have raised next to today's rules (the latest published version), so an admin
 * sees the workload a change brings before publishing it. Read-only; patients' personal
 * bounds are applied in both replays.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "measurement::readings", "pathway", "patient",
		"questionnaire", "response::replay", "triage" })
package no.heima.whatif;

import org.springframework.modulith.ApplicationModule;
