/**
 * Capacity forecast for admins: how many worklist items the teams' open care plans are
 * expected to raise per day (and per nurse of the team directory) over the next days. The
 * scheduled tasks come from the care plans' own task computation; each pathway activity's
 * observed rates over a recent window (share of tasks done, share of submissions that
 * raised a yellow or red item, share of tasks missed) turn them into expected items,
 * shrunk towards a prior where there is little history; evaluation days add one item
 * each. The DHO rule of thumb (about 80 patients per nurse full-time equivalent) is given
 * beside it for comparison. Reads only aggregate figures.
 */
@ApplicationModule(allowedDependencies = { "audit", "careplan", "pathway", "team", "worklist" })
package no.heima.forecast;

import org.springframework.modulith.ApplicationModule;
