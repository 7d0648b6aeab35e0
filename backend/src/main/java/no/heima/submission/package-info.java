/**
 * Submission: the one pipeline a patient's measurement or questionnaire response goes
 * through once its own feature has parsed, validated and scored it: triage through the
 * fail-safe outside any transaction, then one transaction that stores it, completes the
 * task, writes the FHIR outbox rows, raises the worklist item and writes the audit row.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "combination", "fhirsync", "pathway", "patient",
		"platform", "triage", "worklist::raise" })
package no.heima.submission;

import org.springframework.modulith.ApplicationModule;
