package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bundle size fitted to a slow FHIR server (issue 13): halved on a time-out down to
 * one, grown back one at a time after bundles that went through well in time.
 */
class BundleSizeTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private static final Duration QUICK = Duration.ofSeconds(2);

	@Test
	void startsAtTheBatchSizeAndHalvesOnEveryTimeOutDownToOne() {
		BundleSize size = new BundleSize(50);
		assertThat(size.current()).isEqualTo(50);
		assertThat(size.shrink(50)).isEqualTo(25);
		assertThat(size.shrink(25)).isEqualTo(12);
		assertThat(size.shrink(12)).isEqualTo(6);
		assertThat(size.shrink(6)).isEqualTo(3);
		assertThat(size.shrink(3)).isEqualTo(1);
		assertThat(size.shrink(1)).isEqualTo(1);
	}

	@Test
	void lanesWhoseBundlesTimeOutTogetherHalveItOnce() {
		BundleSize size = new BundleSize(40);
		// four lanes sent 40 each; all four time out
		for (int lane = 0; lane < 4; lane++) {
			size.shrink(40);
		}
		assertThat(size.current()).isEqualTo(20);
		// a bundle sent before a halving that times out later does not raise it again
		size.shrink(20);
		size.shrink(40);
		assertThat(size.current()).isEqualTo(10);
	}

	@Test
	void growsByOneAfterEachQuickBundleAtTheCurrentSizeUpToTheBatchSize() {
		BundleSize size = new BundleSize(8);
		size.shrink(8);
		size.shrink(4);
		assertThat(size.current()).isEqualTo(2);
		assertThat(size.grow(2, QUICK, TIMEOUT)).isEqualTo(3);
		assertThat(size.grow(3, QUICK, TIMEOUT)).isEqualTo(4);
		for (int i = 0; i < 20; i++) {
			size.grow(size.current(), QUICK, TIMEOUT);
		}
		assertThat(size.current()).isEqualTo(8);
	}

	@Test
	void aSlowSuccessOrAShortBundleDoesNotGrowIt() {
		BundleSize size = new BundleSize(50);
		size.shrink(50);
		assertThat(size.current()).isEqualTo(25);
		// went through, but took more than half the time-out: the next larger one might
		// not
		assertThat(size.grow(25, Duration.ofSeconds(21), TIMEOUT)).isEqualTo(25);
		// a claim that found only 3 rows says nothing about bundles of 26
		assertThat(size.grow(3, QUICK, TIMEOUT)).isEqualTo(25);
		assertThat(size.grow(25, Duration.ofSeconds(19), TIMEOUT)).isEqualTo(26);
	}

}
