/**
 * Reports for the record: a readable patient summary as a tagged PDF (measurements with
 * their bands, questionnaire scores, alerts and how they were resolved, the number of
 * messages, paused periods) for a period, in Norwegian or English. Reads what the other
 * features stored; writes only the note of which periods have been summarised (so the
 * next one starts where the last ended) and the audit row.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "measurement::readings", "pathway", "patient",
		"questionnaire", "triage", "worklist" })
package no.heima.report;

import org.springframework.modulith.ApplicationModule;
