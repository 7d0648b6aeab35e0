/**
 * Combination signals: what triage said about a care plan's recent measurements and
 * questionnaire responses, read together, so a combination rule (two signals of different
 * activities within a window) can be decided when a submission arrives.
 */
@ApplicationModule(allowedDependencies = { "pathway", "triage" })
package no.heima.combination;

import org.springframework.modulith.ApplicationModule;
