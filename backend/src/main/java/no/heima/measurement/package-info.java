/**
 * Home measurements: a patient records a vital (manually or from a device); units are
 * converted with the UCUM library to the vital's own unit, implausible values and
 * impossible times are refused, the value is triaged against the care plan's bounds in
 * the same transaction that stores it, and the patient gets the self-management advice
 * for the level. The device's measured-at time and the server's received-at time are both
 * kept.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "fhirsync", "idempotency", "pathway", "patient",
		"platform", "submission::pipeline", "triage" })
package no.heima.measurement;

import org.springframework.modulith.ApplicationModule;
