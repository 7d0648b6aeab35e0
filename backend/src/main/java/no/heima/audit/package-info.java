/**
 * Audit trail: who read or changed which patient's data, when and with what outcome. Rows
 * are written in the same database transaction as the access they describe and can never
 * be updated or deleted (a trigger refuses it), so the trail cannot silently lose or
 * rewrite an entry.
 */
@ApplicationModule(allowedDependencies = { "platform" })
package no.heima.audit;

import org.springframework.modulith.ApplicationModule;
