/**
 * Questionnaire responses from patients: drafts saved halfway (resumable on any device),
 * and submissions validated against the Questionnaire (item types, options, required
 * items, enableWhen), scored by the server, triaged on their scores, and stored with the
 * task completion and the audit row in one transaction. Submissions are idempotent by
 * key.
 */
@ApplicationModule(allowedDependencies = { "attachment", "audit", "careplan", "fhirsync", "idempotency", "pathway",
		"patient", "platform", "questionnaire", "submission::pipeline", "triage" })
package no.heima.response;

import org.springframework.modulith.ApplicationModule;
