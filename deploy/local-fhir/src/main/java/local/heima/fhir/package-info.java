/**
 * A local FHIR R4 server for the default run and for tests: HAPI FHIR's RESTful server
 * framework on an embedded Tomcat, with in-memory storage that does what Heima's
 * write-back relies on from a real server: conditional create on an identifier
 * ({@code If-None-Exist}), search by identifier (system-only too), and transaction
 * bundles. It can be stopped and started again on the same port to play an outage. Never
 * for production.
 */
package local.heima.fhir;
