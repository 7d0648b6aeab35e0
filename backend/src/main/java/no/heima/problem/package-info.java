/**
 * RFC 9457 problem details: the stable problem {@code type} URIs the web apps map to
 * sentences, the domain exception every feature throws, and the one place that turns
 * exceptions into responses.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.problem;

import org.springframework.modulith.ApplicationModule;
