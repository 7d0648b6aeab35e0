/**
 * Write-back to the hospital's FHIR server through a transactional outbox. Features
 * enqueue a FHIR resource (with its stable business identifier) in the same database
 * transaction that accepts the submission; a worker on every replica claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, resolves the patient by national
 * identifier, and creates the resources with conditional create
 * ({@code If-None-Exist: identifier=…}), singly or as transaction bundles, so a retry
 * after a timeout, an outage or a crash never makes a second copy. Answers that can never
 * succeed park the row with its reason (visible to admins and as metrics); everything
 * else is retried with exponential backoff and jitter. Also looks patients up on the FHIR
 * server for registration.
 */
@ApplicationModule(allowedDependencies = { "audit", "patient", "platform" })
package no.heima.fhirsync;

import org.springframework.modulith.ApplicationModule;
