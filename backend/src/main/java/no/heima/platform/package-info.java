/**
 * What every feature stands on but none owns: database URL wiring, the web server choice,
 * the clock, serving the two built web apps, and the OpenAPI description.
 */
package no.heima.platform;
