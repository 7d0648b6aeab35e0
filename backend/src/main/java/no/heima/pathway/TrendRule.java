package no.heima.pathway;

import java.math.BigDecimal;

/**
 * A change over time that matters more than any single value, e.g. body weight up 2 kg
 * within 3 days (fluid retention in heart failure): the new value compared with the
 * lowest ({@code rise}) or highest ({@code fall}) value of the same code in the preceding
 * {@code windowDays}.
 *
 * @param level YELLOW or RED
 */
public record TrendRule(String code, int windowDays, BigDecimal rise, BigDecimal fall, String level) {

}
