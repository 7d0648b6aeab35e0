/**
 * The vitals Heima knows (LOINC code, UCUM unit, components, plausible input ranges). The
 * plausibility ranges are input guards, not clinical thresholds: thresholds belong to the
 * pathway and to the patient.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.vital;

import org.springframework.modulith.ApplicationModule;
