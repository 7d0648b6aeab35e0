/**
 * Synthetic demo data for the built-in local run: registers the demo patients (who match
 * the demo logins of the local login provider) when {@code heima.demo.enabled} is set.
 * Never on in production.
 */
@ApplicationModule(allowedDependencies = { "careplan", "pathway", "patient", "questionnaire" })
package no.heima.demo;

import org.springframework.modulith.ApplicationModule;
