package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits wire up from configuration alone (the shared test context runs with
 * them off, so nothing else would notice a missing bean); the pool connects lazily.
 */
class RateLimitsWiringTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RateLimits.class)
		.withBean(JsonMapper.class, JsonMapper::new)
		.withPropertyValues("heima.db.url=postgresql://127.0.0.1:1/none", "heima.db.username=nobody");

	@Test
	void defaultsAndOverrides() {
		runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RateLimiter.class);
			RateLimitProperties properties = context.getBean(RateLimitProperties.class);
			assertThat(properties.login()).isEqualTo(new RateLimitProperties.Limit(60, Duration.ofMinutes(1)));
			assertThat(properties.writes()).isEqualTo(new RateLimitProperties.Limit(120, Duration.ofMinutes(1)));
		});
		runner.withPropertyValues("heima.rate-limit.writes.capacity=5", "heima.rate-limit.writes.period=10s")
			.run((context) -> assertThat(context.getBean(RateLimitProperties.class).writes())
				.isEqualTo(new RateLimitProperties.Limit(5, Duration.ofSeconds(10))));
		runner.withPropertyValues("heima.rate-limit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimiter.class));
	}

}
