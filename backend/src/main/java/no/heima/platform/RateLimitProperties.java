package no.heima.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits, kept in PostgreSQL so every replica counts against the same buckets.
 *
 * @param enabled off: nothing is limited
 * @param login starting a login or returning from the login provider, per client address
 * @param writes POST, PUT, PATCH and DELETE on {@code /api/**}, per logged-in user
 * @param poolSize JDBC connections for the buckets (Bucket4j has no R2DBC store)
 */
@ConfigurationProperties("heima.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit login, Limit writes,
		@DefaultValue("4") int poolSize) {

	RateLimitProperties {
		login = login == null ? new Limit(60, Duration.ofMinutes(1)) : login;
		writes = writes == null ? new Limit(120, Duration.ofMinutes(1)) : writes;
	}

	/**
	 * @param capacity requests allowed at once, refilled evenly over {@code period}
	 * @param period how long a full refill takes
	 */
	record Limit(long capacity, Duration period) {
	}

}
