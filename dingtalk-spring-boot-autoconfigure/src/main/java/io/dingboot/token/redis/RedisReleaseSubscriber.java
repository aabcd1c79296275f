package io.dingboot.token.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wakes the callers waiting for another instance's token fetch: subscribed (through Spring Data
 * Redis's {@link RedisMessageListenerContainer}, which subscribes again after a connection loss) to
 * the {@code <prefix>*:released} channels that {@link RedisTokenScripts} publishes to when a fetch
 * lock is released. A caller takes {@link #signal(String)} before it looks at the store, so a
 * release published after that look completes it. The subscription is opened when the first signal
 * is taken, not at start-up; until it is in place, waiters fall back on their bounded wait.
 */
final class RedisReleaseSubscriber implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisReleaseSubscriber.class);

	private static final long MAX_RECOVERY_INTERVAL_MILLIS = 30_000;

	private static final long SUBSCRIPTION_WAIT_MILLIS = 500;

	private final ConcurrentMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();

	private final RedisConnectionFactory connectionFactory;

	private final String pattern;

	private final Duration recoveryInterval;

	private @Nullable RedisMessageListenerContainer container;

	private @Nullable ScheduledExecutorService subscriptionExecutor;

	private volatile boolean active;

	private boolean stopped;

	RedisReleaseSubscriber(RedisConnectionFactory connectionFactory, String keyPrefix, Duration recoveryInterval) {
		this.connectionFactory = connectionFactory;
		this.pattern = escapeGlob(keyPrefix) + "*:released";
		this.recoveryInterval = recoveryInterval;
	}

	/**
	 * The signal completed when the lock of {@code key} is released next.
	 */
	CompletableFuture<Void> signal(String key) {
		if (!this.active) {
			subscribe();
		}
		return this.signals.computeIfAbsent(key, (k) -> new CompletableFuture<>());
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		String key = new String(message.getBody(), StandardCharsets.UTF_8);
		CompletableFuture<Void> released = this.signals.remove(key);
		if (released != null) {
			released.complete(null);
		}
	}

	/**
	 * Subscribe in the background: the container's first subscription waits for Redis, which may
	 * be down; until subscribed, waiters fall back on their bounded wait.
	 */
	private synchronized void subscribe() {
		if (this.active || this.stopped) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dingtalk-redis-subscribe");
			thread.setDaemon(true);
			return thread;
		});
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(this.connectionFactory);
		// the listener only completes a future: run it where the message arrives
		container.setTaskExecutor(new SyncTaskExecutor());
		// a scheduled executor: recovery attempts are scheduled rather than slept on a caller's thread
		container.setSubscriptionExecutor(executor);
		ExponentialBackOff backOff = new ExponentialBackOff(this.recoveryInterval.toMillis(), 2);
		backOff.setMaxInterval(Math.max(this.recoveryInterval.toMillis(), MAX_RECOVERY_INTERVAL_MILLIS));
		container.setRecoveryBackoff(backOff);
		container.setMaxSubscriptionRegistrationWaitingTime(SUBSCRIPTION_WAIT_MILLIS);
		container.addMessageListener(this, new PatternTopic(this.pattern));
		container.afterPropertiesSet();
		this.container = container;
		this.subscriptionExecutor = executor;
		this.active = true;
		executor.execute(() -> {
			try {
				container.start();
			}
			catch (RuntimeException ex) {
				logger.debug("Redis subscription for DingTalk token notifications not ready yet ({}); retrying",
						ex.getClass().getSimpleName());
			}
		});
	}

	/**
	 * Allow subscribing again after {@link #stop()}.
	 */
	synchronized void resume() {
		this.stopped = false;
	}

	synchronized void stop() {
		this.stopped = true;
		this.active = false;
		RedisMessageListenerContainer container = this.container;
		ScheduledExecutorService executor = this.subscriptionExecutor;
		this.container = null;
		this.subscriptionExecutor = null;
		if (container != null) {
			try {
				container.stop();
				container.destroy();
			}
			catch (Exception ex) {
				logger.debug("Could not close the Redis subscription: {}", ex.getClass().getSimpleName());
			}
		}
		if (executor != null) {
			executor.shutdownNow();
		}
		this.signals.values().forEach((signal) -> signal.complete(null));
		this.signals.clear();
	}

	private static String escapeGlob(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
