package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The one-JVM default keeps Redis and Spring Session out entirely; {@code redis} lets
 * them in; anything else is refused at start-up rather than silently meaning memory.
 */
class SessionStoreFilterTest {

	private static final String[] CANDIDATES = {
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration", null };

	@Test
	void memoryByDefaultLeavesRedisAndSessionsOut() {
		assertThat(filter(new MockEnvironment()).match(CANDIDATES, null)).containsExactly(false, false, false, false,
				true, true);
	}

	@Test
	void redisLetsThemIn() {
		assertThat(filter(new MockEnvironment().withProperty("heima.session.store", "Redis")).match(CANDIDATES, null))
			.containsExactly(true, true, true, true, true, true);
	}

	@Test
	void anUnknownStoreIsRefused() {
		SessionStoreFilter filter = filter(new MockEnvironment().withProperty("heima.session.store", "jdbc"));
		assertThatIllegalStateException().isThrownBy(() -> filter.match(CANDIDATES, null))
			.withMessageContaining("heima.session.store");
	}

	private static SessionStoreFilter filter(MockEnvironment environment) {
		SessionStoreFilter filter = new SessionStoreFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
