package no.heima.worklist;

import java.util.List;

/**
 * One page of the worklist by patient.
 *
 * @param items the patients' rows on this page
 * @param total how many patients match the filter
 * @param itemTotal how many items match the filter
 */
public record PatientRowsPage(List<PatientRow> items, int page, int size, long total, long itemTotal) {

}
