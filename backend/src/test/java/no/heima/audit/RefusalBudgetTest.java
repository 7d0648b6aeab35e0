package no.heima.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalBudgetTest {

	private final AtomicLong minute = new AtomicLong(1000);

	@Test
	void anActorGetsTheirRowsPerMinuteAndTheRestAreCountedIntoTheirNextRow() {
		RefusalBudget budget = new RefusalBudget(3, 100, this.minute::get);
		for (int i = 0; i < 3; i++) {
			assertThat(budget.admit("ola")).isEqualTo(new RefusalBudget.Decision(true, 0));
		}
		assertThat(budget.admit("ola").write()).isFalse();
		assertThat(budget.admit("ola").write()).isFalse();
		assertThat(budget.withheldNow("ola")).isEqualTo(2);
		// someone else is not held back by ola's flood
		assertThat(budget.admit("kari").write()).isTrue();
		this.minute.incrementAndGet();
		assertThat(budget.admit("ola")).isEqualTo(new RefusalBudget.Decision(true, 2));
		assertThat(budget.admit("ola")).isEqualTo(new RefusalBudget.Decision(true, 0));
	}

	@Test
	void allActorsTogetherAreBoundedToo() {
		RefusalBudget budget = new RefusalBudget(10, 5, this.minute::get);
		int written = 0;
		for (int i = 0; i < 20; i++) {
			if (budget.admit("actor-" + i).write()) {
				written++;
			}
		}
		assertThat(written).isEqualTo(5);
		this.minute.incrementAndGet();
		assertThat(budget.admit("actor-19").write()).isTrue();
	}

}
