package no.heima.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail.
 *
 * @param refusalsPerActor refusals by the security filters written as rows per actor per
 * minute on one instance; more are counted into the actor's next row
 * ({@link RefusalBudget})
 * @param refusalsPerMinute the same, for all actors together
 */
@ConfigurationProperties("heima.audit")
record AuditProperties(@DefaultValue("60") long refusalsPerActor, @DefaultValue("1200") long refusalsPerMinute) {
}
