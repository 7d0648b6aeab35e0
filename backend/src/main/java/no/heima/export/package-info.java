/**
 * Cohort exports for quality registries, admins only and audited: a CSV of a team's or a
 * pathway's measurements and questionnaire scores for a period (with a served data
 * dictionary), streamed from PostgreSQL to the response, and FHIR Bulk Data
 * {@code $export} (asynchronous kick-off, status polling, NDJSON of Patient, Observation,
 * QuestionnaireResponse and Flag) with its jobs and files in PostgreSQL, so any replica
 * can run, poll, serve or cancel one and a restart loses nothing. The FHIR resources are
 * the very ones write-back sends (the owning features' mappers). Either export can
 * replace identifiers by keyed pseudonyms.
 */
@ApplicationModule(
		allowedDependencies = { "audit", "fhirsync", "measurement", "patient", "platform", "response", "worklist" })
package no.heima.export;

import org.springframework.modulith.ApplicationModule;
