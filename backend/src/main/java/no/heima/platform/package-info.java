/**
 * What every feature stands on but none owns: database URL wiring, the web server choice,
 * the clock, serving the two built web apps, the OpenAPI description, where browser
 * sessions live (memory or Redis), and the correlation id of each request.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.platform;

import org.springframework.modulith.ApplicationModule;
