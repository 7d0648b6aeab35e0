package no.heima;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the feature boundaries honest: no cycles, no reaching into another feature's
 * internals.
 */
class ModularityTests {

	@Test
	void featureBoundariesHold() {
		ApplicationModules.of(HeimaApplication.class).verify();
	}

}
