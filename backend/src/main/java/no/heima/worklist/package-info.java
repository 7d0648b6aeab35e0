/**
 * The clinicians' worklist: an item for every yellow or red submission (raised in the
 * transaction that stores it) and for every missed task; red first, then yellow, then
 * missing, oldest first; each with a deadline. A clinician takes an item (exactly one
 * wins), may escalate it, and resolves it with an action, a note and optionally a message
 * the patient sees. Changes are announced with PostgreSQL NOTIFY at commit and pushed to
 * open worklists on every replica as server-sent events.
 */
@ApplicationModule(
		allowedDependencies = { "audit", "careplan", "fhirsync", "pathway", "patient", "platform", "team", "triage" })
package no.heima.worklist;

import org.springframework.modulith.ApplicationModule;
