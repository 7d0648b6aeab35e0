/**
 * Triage: turns submitted values into green, yellow or red with the reasons (which value,
 * which bound, whose bound) and the version of the rules that decided it, so every result
 * can be explained and replayed later. Pure functions: no clock, no database. A bound is
 * the first value of its band: a systolic pressure of exactly the red-high bound is red.
 */
@ApplicationModule(allowedDependencies = { "pathway" })
package no.heima.triage;

import org.springframework.modulith.ApplicationModule;
