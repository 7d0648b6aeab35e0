/**
 * FHIR conventions shared by every feature that exports or writes FHIR: the one R4
 * context, the JSON it is written as, and the URIs Heima owns (identifier systems,
 * extensions, code systems). The base of those URIs is configuration
 * ({@code heima.fhir.namespace}), so a hospital can put them under its own domain.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.fhir;

import org.springframework.modulith.ApplicationModule;
