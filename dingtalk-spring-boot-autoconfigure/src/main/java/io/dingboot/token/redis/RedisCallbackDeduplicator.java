package io.dingboot.token.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.Assert;

/**
 * Remembers callback event ids in Redis ({@code SET NX PX}) so that an event DingTalk pushes again
 * is delivered once across every instance of the app, not once per instance. When Redis is
 * unavailable it lets every event through (a possible duplicate rather than a lost event) and logs
 * one WARN until Redis answers again.
 */
public final class RedisCallbackDeduplicator {

	private static final Logger logger = LoggerFactory.getLogger(RedisCallbackDeduplicator.class);

	private final AtomicBoolean unavailable = new AtomicBoolean();

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	/**
	 * Create a deduplicator.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix prefix of every key, e.g. {@code dingtalk:}; ids are kept under
	 * {@code <prefix>callback:<id>}
	 */
	public RedisCallbackDeduplicator(RedisConnectionFactory connectionFactory, String keyPrefix) {
		Assert.notNull(connectionFactory, "'connectionFactory' must not be null");
		Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Record {@code id} and say whether it is seen for the first time within {@code window}.
	 * @param id the event id
	 * @param window how long the id is remembered
	 * @return {@code true} the first time, {@code false} for a repeat within the window
	 */
	public boolean firstSeen(String id, Duration window) {
		Assert.hasText(id, "'id' must not be empty");
		Assert.isTrue(window.toMillis() > 0, "'window' must be positive");
		try {
			boolean first = Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key(id), "1", window));
			if (this.unavailable.compareAndSet(true, false)) {
				logger.info("Redis is available again; DingTalk callbacks are deduplicated across instances again");
			}
			return first;
		}
		catch (RuntimeException ex) {
			if (this.unavailable.compareAndSet(false, true)) {
				logger.warn("Redis is unavailable to the DingTalk callback deduplication ({}); events are "
						+ "delivered without it until Redis is back", ex.getClass().getSimpleName());
			}
			return true;
		}
	}

	/**
	 * Forget {@code id}, so that a redelivery is handled again (after the handling failed).
	 * @param id the event id
	 */
	public void forget(String id) {
		try {
			this.redis.delete(key(id));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not forget a DingTalk callback id in Redis: {}", ex.getClass().getSimpleName());
		}
	}

	String key(String id) {
		return this.keyPrefix + "callback:" + id;
	}

	@Override
	public String toString() {
		return "RedisCallbackDeduplicator{keyPrefix=" + this.keyPrefix + "}";
	}

}
