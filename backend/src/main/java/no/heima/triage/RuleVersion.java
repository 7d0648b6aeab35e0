package no.heima.triage;

import java.util.UUID;

/**
 * The rules a triage result came from: the pathway version and the care plan version
 * (whose personal bounds may have been used). Both are immutable or versioned, so the
 * result can be explained later.
 */
public record RuleVersion(UUID pathwayId, int pathwayVersion, UUID carePlanId, long carePlanVersion) {

}
