package no.heima.platform;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Where browser sessions live, chosen by {@code heima.session.store}
 * ({@code HEIMA_SESSION_STORE}): {@code memory} (the default: WebFlux's in-memory
 * sessions, right for one JVM) or {@code redis} (Spring Session's reactive Redis
 * repository, so replicas share logins and a restart logs nobody out; the server from
 * {@code spring.data.redis.*}).
 *
 * <p>
 * The Redis and Spring Session jars are always on the classpath, and Boot would configure
 * them whenever they are: this filter keeps those auto-configurations out unless Redis is
 * chosen, so the one-JVM default neither needs nor contacts a Redis (no connection
 * factory, no Redis health check). A filter rather than
 * {@code spring.autoconfigure.exclude} because it reads the store when the context is
 * refreshed, after every property source (including those a launcher or test adds late)
 * is in place.
 */
public final class SessionStoreFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String PROPERTY = "heima.session.store";

	private static final Set<String> REDIS_AND_SESSIONS = Set.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		String store = this.environment.getProperty(PROPERTY, "memory").trim().toLowerCase(Locale.ROOT);
		if (!store.equals("memory") && !store.equals("redis")) {
			throw new IllegalStateException(PROPERTY + " must be 'memory' or 'redis', not '" + store + "'");
		}
		boolean redis = store.equals("redis");
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = redis || candidate == null || !REDIS_AND_SESSIONS.contains(candidate);
		}
		return matches;
	}

}
