/**
 * Idempotent submissions: a client sends an {@code Idempotency-Key} with each submission;
 * the first answer for that key is stored in the same transaction as the work, and a
 * retry with the same key and body gets that answer again, while a retry with another
 * body gets 409. Concurrent retries queue on the key's row, so twenty identical requests
 * store one result.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.idempotency;

import org.springframework.modulith.ApplicationModule;
