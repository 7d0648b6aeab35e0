package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import no.heima.pathway.Threshold;
import org.junit.jupiter.api.Test;

class BaselineTest {

	private static final Threshold PATHWAY = new Threshold("29463-7", new BigDecimal("60"), null, new BigDecimal("90"),
			new BigDecimal("95"));

	@Test
	void meanPlusMinusTwoStandardDeviationsInsideTheRedBounds() {
		// mean 80, sample sd sqrt(2/3) = 0.816...
		Baseline b = Baseline.suggest("29463-7", values("80", "81", "79", "80"), new BigDecimal("2"), PATHWAY);

		assertThat(b.count()).isEqualTo(4);
		assertThat(b.mean()).isEqualByComparingTo("80.0");
		assertThat(b.sd()).isEqualByComparingTo("0.8");
		assertThat(b.suggested().yellowLow()).isEqualByComparingTo("78.4");
		assertThat(b.suggested().yellowHigh()).isEqualByComparingTo("81.6");
		assertThat(b.suggested().redLow()).isEqualByComparingTo("60");
		assertThat(b.suggested().redHigh()).isEqualByComparingTo("95");
	}

	@Test
	void aBoundThatWouldReachRedIsLeftToThePathway() {
		Baseline b = Baseline.suggest("29463-7", values("85", "93", "89"), new BigDecimal("2"), PATHWAY);

		assertThat(b.suggested().yellowHigh()).isNull(); // 89 + 2 * 4 = 97 >= red 95
		assertThat(b.suggested().yellowLow()).isEqualByComparingTo("81.0");
	}

	private static List<BigDecimal> values(String... values) {
		return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
	}

}
