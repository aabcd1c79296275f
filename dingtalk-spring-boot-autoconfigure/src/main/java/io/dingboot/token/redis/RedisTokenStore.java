package io.dingboot.token.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.Assert;

/**
 * A {@link TokenStore} in Redis, shared by every instance of the app. It sits behind each
 * instance's {@link TokenCache}, so a warm call does not touch Redis at all.
 * <ul>
 * <li>Distributed single flight: the instance that takes the key's lock fetches; the others wait
 * until it releases the lock (a pub/sub wake-up, {@link RedisReleaseSubscriber}, with a short
 * bounded wait from 5 ms as a safety net), at most {@code lockTimeout}, and re-check the store. The
 * lock holder re-checks too before it fetches.</li>
 * <li>A token only replaces an older one and invalidation deletes only the refused value
 * ({@link RedisTokenScripts}); values are encoded by {@link RedisTokenCodec}.</li>
 * <li>When Redis fails, each instance fetches for itself, with one WARN and a count per fetch,
 * until Redis answers again ({@link RedisOutageBreaker}). No call fails because Redis is down.</li>
 * </ul>
 * Keys are {@code <prefix><kind>:<appKey>}, e.g. {@code dingtalk:access_token:dingxxxx}: they name
 * the app's key, never its secret.
 */
public final class RedisTokenStore implements TokenStore, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RedisTokenStore.class);

	/** Default interval between probes of an unavailable Redis. */
	public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofSeconds(1);

	private static final long INITIAL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final FallbackListener NO_LISTENER = () -> {
	};

	private final String keyPrefix;

	private final Duration refreshMargin;

	private final Duration lockTimeout;

	private final Clock clock;

	private final RedisTokenScripts scripts;

	private final RedisReleaseSubscriber subscriber;

	private final RedisOutageBreaker breaker;

	private volatile boolean running;

	/**
	 * Create a store that probes an unavailable Redis every second and counts nothing.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix prefix of every key and channel, e.g. {@code dingtalk:}
	 * @param refreshMargin the token cache's refresh margin: a stored token past its refresh instant
	 * is fetched again
	 * @param lockTimeout how long an instance waits for another's fetch before it fetches itself;
	 * also the lifetime of the lock
	 */
	public RedisTokenStore(RedisConnectionFactory connectionFactory, String keyPrefix, Duration refreshMargin,
			Duration lockTimeout) {
		this(connectionFactory, keyPrefix, refreshMargin, lockTimeout, DEFAULT_RECOVERY_INTERVAL, NO_LISTENER);
	}

	/**
	 * Create a store.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix prefix of every key and channel, e.g. {@code dingtalk:}
	 * @param refreshMargin the token cache's refresh margin: a stored token past its refresh instant
	 * is fetched again
	 * @param lockTimeout how long an instance waits for another's fetch before it fetches itself;
	 * also the lifetime of the lock
	 * @param recoveryInterval how often an unavailable Redis is probed before sharing resumes
	 * @param fallbackListener told of each token fetched without Redis because Redis is unavailable
	 * (metrics)
	 */
	public RedisTokenStore(RedisConnectionFactory connectionFactory, String keyPrefix, Duration refreshMargin,
			Duration lockTimeout, Duration recoveryInterval, FallbackListener fallbackListener) {
		this(connectionFactory, keyPrefix, refreshMargin, lockTimeout, recoveryInterval, fallbackListener,
				Clock.systemUTC());
	}

	RedisTokenStore(RedisConnectionFactory connectionFactory, String keyPrefix, Duration refreshMargin,
			Duration lockTimeout, Duration recoveryInterval, FallbackListener fallbackListener, Clock clock) {
		Assert.notNull(connectionFactory, "'connectionFactory' must not be null");
		Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
		Assert.isTrue(lockTimeout.toMillis() > 0, "'lockTimeout' must be positive");
		Assert.isTrue(recoveryInterval.toMillis() > 0, "'recoveryInterval' must be positive");
		Assert.notNull(fallbackListener, "'fallbackListener' must not be null");
		StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.refreshMargin = refreshMargin;
		this.lockTimeout = lockTimeout;
		this.clock = clock;
		this.scripts = new RedisTokenScripts(redis, keyPrefix, clock);
		this.subscriber = new RedisReleaseSubscriber(connectionFactory, keyPrefix, recoveryInterval);
		this.breaker = new RedisOutageBreaker(redis, recoveryInterval, fallbackListener);
	}

	/**
	 * Whether Redis is in use, as opposed to each instance fetching for itself after a failure.
	 * @return whether tokens are shared through Redis
	 */
	public boolean isShared() {
		return !this.breaker.isOpen();
	}

	@Override
	public @Nullable StoredToken get(String key) {
		if (this.breaker.isOpen()) {
			return null;
		}
		try {
			return read(key);
		}
		catch (RuntimeException ex) {
			this.breaker.failed(ex);
			return null;
		}
	}

	@Override
	public StoredToken fetch(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		if (this.breaker.isOpen()) {
			return fetchLocally(fetcher);
		}
		try {
			return fetchShared(key, stale, fetcher);
		}
		catch (FetcherFailure ex) {
			throw ex.failure;
		}
		catch (RuntimeException ex) {
			this.breaker.failed(ex);
			return fetchLocally(fetcher);
		}
	}

	@Override
	public void invalidate(String key, String failedValue) {
		if (this.breaker.isOpen()) {
			return;
		}
		try {
			this.scripts.deleteIfValue(key, failedValue);
		}
		catch (RuntimeException ex) {
			this.breaker.failed(ex);
		}
	}

	private StoredToken fetchShared(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		long deadline = 0;
		long wait = INITIAL_WAIT_NANOS;
		while (true) {
			CompletableFuture<Void> released = this.subscriber.signal(key);
			StoredToken stored = read(key);
			if (usable(stored, stale)) {
				return stored;
			}
			String owner = UUID.randomUUID().toString();
			if (this.scripts.tryLock(key, owner, this.lockTimeout)) {
				try {
					stored = read(key);
					if (usable(stored, stale)) {
						return stored;
					}
					return save(key, callFetcher(fetcher));
				}
				finally {
					release(key, owner);
				}
			}
			if (deadline == 0) {
				deadline = System.nanoTime() + this.lockTimeout.toNanos();
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				logger.debug("Waited {} for another instance's DingTalk token fetch; fetching here", this.lockTimeout);
				return save(key, callFetcher(fetcher));
			}
			await(released, Math.min(wait, remaining));
			wait = Math.min(wait * 2, MAX_WAIT_NANOS);
		}
	}

	private boolean usable(@Nullable StoredToken stored, @Nullable StoredToken stale) {
		if (stored == null || !this.clock.instant().isBefore(stored.refreshAt(this.refreshMargin))) {
			return false;
		}
		return stale == null || !stored.value().equals(stale.value()) || stored.fetchedAt().isAfter(stale.fetchedAt());
	}

	private StoredToken save(String key, StoredToken fetched) {
		try {
			return this.scripts.saveIfNewer(key, fetched);
		}
		catch (RuntimeException ex) {
			this.breaker.failed(ex);
			return fetched;
		}
	}

	private void release(String key, String owner) {
		try {
			this.scripts.release(key, owner);
		}
		catch (RuntimeException ex) {
			this.breaker.failed(ex);
		}
	}

	private @Nullable StoredToken read(String key) {
		StoredToken stored = this.scripts.read(key);
		this.breaker.succeeded();
		return stored;
	}

	private static StoredToken callFetcher(Supplier<StoredToken> fetcher) {
		try {
			return fetcher.get();
		}
		catch (RuntimeException ex) {
			throw new FetcherFailure(ex);
		}
	}

	private StoredToken fetchLocally(Supplier<StoredToken> fetcher) {
		this.breaker.fellBack();
		return fetcher.get();
	}

	private static void await(CompletableFuture<Void> released, long nanos) {
		try {
			released.get(nanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// wake up and look again
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a DingTalk token fetch", ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.subscriber.resume();
	}

	@Override
	public void stop() {
		this.running = false;
		this.subscriber.stop();
		this.breaker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	String tokenKey(String key) {
		return this.scripts.tokenKey(key);
	}

	@Override
	public String toString() {
		return "RedisTokenStore{keyPrefix=" + this.keyPrefix + ", shared=" + isShared() + "}";
	}

	/**
	 * Told of each token fetched without Redis because Redis is unavailable.
	 */
	@FunctionalInterface
	public interface FallbackListener {

		/**
		 * A token is being fetched by this instance alone.
		 */
		void fetchedWithoutRedis();

	}

	private static final class FetcherFailure extends RuntimeException {

		private final RuntimeException failure;

		FetcherFailure(RuntimeException failure) {
			super(null, null, false, false);
			this.failure = failure;
		}

	}

}
