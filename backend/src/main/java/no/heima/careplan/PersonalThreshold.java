package no.heima.careplan;

import no.heima.pathway.Threshold;

/** A patient's own bounds for one value of one activity; they win over the pathway's. */
public record PersonalThreshold(String activityId, Threshold threshold) {

}
