/**
 * Files patients attach to questionnaire answers (photos): uploaded, checked by the type
 * their bytes show and their size against the question that asks for them, kept in
 * PostgreSQL, and referenced from the response answer by url.
 */
@ApplicationModule(allowedDependencies = { "audit", "patient", "questionnaire" })
package no.heima.attachment;

import org.springframework.modulith.ApplicationModule;
