package io.dingboot.token.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Whether the token store uses Redis or, after a Redis failure, each instance fetches for itself:
 * one WARN when Redis fails, a count (the fallback listener) for each fetch made without it, and a
 * {@code PING} every recovery interval until Redis answers, then one INFO and sharing resumes. The
 * probe thread lives only while Redis is down.
 */
final class RedisOutageBreaker {

	private static final Logger logger = LoggerFactory.getLogger(RedisTokenStore.class);

	private final StringRedisTemplate redis;

	private final Duration recoveryInterval;

	private final RedisTokenStore.FallbackListener fallbackListener;

	private final AtomicBoolean open = new AtomicBoolean();

	private @Nullable ScheduledExecutorService probe;

	RedisOutageBreaker(StringRedisTemplate redis, Duration recoveryInterval,
			RedisTokenStore.FallbackListener fallbackListener) {
		this.redis = redis;
		this.recoveryInterval = recoveryInterval;
		this.fallbackListener = fallbackListener;
	}

	/**
	 * Whether Redis is considered down: callers skip it.
	 */
	boolean isOpen() {
		return this.open.get();
	}

	/**
	 * A Redis call failed: warn once and probe until Redis answers again.
	 */
	void failed(RuntimeException ex) {
		if (this.open.compareAndSet(false, true)) {
			logger.warn("Redis is unavailable to the DingTalk token store ({}); each instance fetches its own "
					+ "tokens until Redis is back", ex.getClass().getSimpleName());
			startProbe();
		}
	}

	/**
	 * A Redis call succeeded.
	 */
	void succeeded() {
		if (this.open.compareAndSet(true, false)) {
			logger.info("Redis is available again; DingTalk tokens are shared by instances again");
		}
	}

	/**
	 * A token is being fetched without Redis.
	 */
	void fellBack() {
		this.fallbackListener.fetchedWithoutRedis();
	}

	private synchronized void startProbe() {
		if (this.probe != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dingtalk-redis-probe");
			thread.setDaemon(true);
			return thread;
		});
		this.probe = executor;
		long interval = this.recoveryInterval.toMillis();
		executor.scheduleWithFixedDelay(this::probeOnce, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void probeOnce() {
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> connection.ping());
		}
		catch (RuntimeException ex) {
			return;
		}
		stop();
		succeeded();
	}

	synchronized void stop() {
		ScheduledExecutorService executor = this.probe;
		this.probe = null;
		if (executor != null) {
			executor.shutdown();
		}
	}

}
