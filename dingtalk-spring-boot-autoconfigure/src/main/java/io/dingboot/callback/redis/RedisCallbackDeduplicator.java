package io.dingboot.callback.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dingboot.callback.CallbackDeduplicator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link CallbackDeduplicator} in Redis, so that an event DingTalk pushes again is delivered once
 * across every instance of the app, not once per instance: a push is claimed with
 * {@code SET NX PX} (value {@code claimed}), marked {@code done} for the dedupe window once its
 * listeners succeeded, and released (compare-and-delete) when they failed. When Redis is
 * unavailable it lets every event through (a possible duplicate rather than a lost event) and logs
 * one WARN until Redis answers again.
 */
public final class RedisCallbackDeduplicator implements CallbackDeduplicator {

	private static final Logger logger = LoggerFactory.getLogger(RedisCallbackDeduplicator.class);

	private static final String CLAIMED = "claimed";

	private static final String DONE = "done";

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private final AtomicBoolean unavailable = new AtomicBoolean();

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	/**
	 * Create a deduplicator.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix prefix of every key, e.g. {@code dingtalk:}; pushes are kept under
	 * {@code <prefix>callback:<key>}, where the key starts with the app's name (e.g.
	 * {@code dingtalk:callback:hr:event:<corpId>:<eventId>}) and holds no secret
	 */
	public RedisCallbackDeduplicator(RedisConnectionFactory connectionFactory, String keyPrefix) {
		Assert.notNull(connectionFactory, "'connectionFactory' must not be null");
		Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Claim claim(String key, Duration claimTimeout) {
		Assert.hasText(key, "'key' must not be empty");
		try {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key(key), CLAIMED, claimTimeout))) {
				available();
				return Claim.CLAIMED;
			}
			String state = this.redis.opsForValue().get(key(key));
			available();
			if (state == null) {
				return claim(key, claimTimeout);
			}
			return DONE.equals(state) ? Claim.DONE : Claim.IN_PROGRESS;
		}
		catch (RuntimeException ex) {
			unavailable(ex);
			return Claim.CLAIMED;
		}
	}

	@Override
	public void complete(String key, Duration window) {
		try {
			this.redis.opsForValue().set(key(key), DONE, window);
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	@Override
	public void release(String key) {
		try {
			this.redis.execute(RELEASE, List.of(key(key)), CLAIMED);
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	private void available() {
		if (this.unavailable.compareAndSet(true, false)) {
			logger.info("Redis is available again; DingTalk callbacks are deduplicated across instances again");
		}
	}

	private void unavailable(RuntimeException ex) {
		if (this.unavailable.compareAndSet(false, true)) {
			logger.warn("Redis is unavailable to the DingTalk callback deduplication ({}); events are "
					+ "delivered without it until Redis is back", ex.getClass().getSimpleName());
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
