package no.heima.worklist;

import java.util.List;

/** One page of the worklist. */
public record WorklistPage(List<WorklistItem> items, int page, int size, long total) {

}
