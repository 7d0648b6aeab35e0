/**
 * Reports for the record: a readable patient summary as a tagged PDF (measurements with
 * their bands, questionnaire scores, alerts and how they were resolved, the number of
 * messages, paused periods) for a period, in Norwegian or English. Reads what the other
 * features stored; writes only the note of which periods have been summarised (so the
 * next one starts where the last ended), the audit row and, where configured, the summary
 * as a DocumentReference in the FHIR write-back outbox.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "fhirsync", "measurement::readings", "message",
		"pathway", "patient", "questionnaire", "triage", "worklist" })
package no.heima.report;

import org.springframework.modulith.ApplicationModule;
