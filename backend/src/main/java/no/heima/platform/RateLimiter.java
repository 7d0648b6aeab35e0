package no.heima.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in PostgreSQL (Bucket4j's select-for-update proxy manager, table
 * {@code rate_limit_bucket}), so replicas share them. Bucket4j only speaks JDBC: each
 * check runs on {@link Schedulers#boundedElastic()} over a small pool of its own, never
 * on an event-loop thread. Keys are hashed: no address or user id is stored.
 */
class RateLimiter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/** The outcome of one check: allowed, or refused with seconds until a retry helps. */
	record Decision(boolean allowed, long retryAfterSeconds) {
	}

	private final HikariDataSource pool;

	private final ProxyManager<String> buckets;

	RateLimiter(String jdbcUrl, String username, String password, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(0);
		config.setPoolName("heima-rate-limit");
		config.setInitializationFailTimeout(-1);
		this.pool = new HikariDataSource(config);
		this.buckets = proxyManager(this.pool);
	}

	static ProxyManager<String> proxyManager(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Takes one token from the bucket of {@code kind}/{@code key}. When the store fails
	 * the request is let through (and logged): the limits guard against floods, they must
	 * not take Heima down with them.
	 */
	Mono<Decision> tryConsume(String kind, String key, RateLimitProperties.Limit limit) {
		String id = kind + ":" + hash(key);
		return Mono.fromCallable(() -> {
			ConsumptionProbe probe = this.buckets.builder()
				.build(id, () -> configuration(limit))
				.tryConsumeAndReturnRemaining(1);
			long wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
			return new Decision(probe.isConsumed(), probe.isConsumed() ? 0 : wait);
		}).subscribeOn(Schedulers.boundedElastic()).onErrorResume((ex) -> {
			log.warn("Rate limit store failed; letting the request through", ex);
			return Mono.just(new Decision(true, 0));
		});
	}

	static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
			.build();
	}

	private static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
