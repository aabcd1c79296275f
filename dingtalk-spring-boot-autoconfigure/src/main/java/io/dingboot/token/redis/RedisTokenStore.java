package io.dingboot.token.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link TokenStore} in Redis, shared by every instance of the app. It sits behind each
 * instance's {@link TokenCache}, so a warm call does not touch Redis at all.
 * <ul>
 * <li>Distributed single flight: the instance that takes the key's lock ({@code SET NX PX}) fetches;
 * the others wait until it releases the lock (a pub/sub notification, with a short backoff from 5 ms
 * as a safety net), at most {@code lockTimeout}, and re-check the store. The lock holder re-checks
 * too before it fetches.</li>
 * <li>A token only replaces an older one (compare-and-set on the fetch time, in a Lua script);
 * invalidation deletes the stored token only if it is still the refused one.</li>
 * <li>When Redis fails, each instance fetches for itself, with one WARN, until a background probe
 * finds Redis again. No call fails because Redis is down.</li>
 * </ul>
 * Values are written as plain strings ({@code fetchedAt:expiresAt:value}, epoch millis) with this
 * store's own serialization, whatever {@code RedisTemplate} the application configured.
 */
public final class RedisTokenStore implements TokenStore, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RedisTokenStore.class);

	private static final long INITIAL_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final RedisScript<String> SAVE_IF_NEWER = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
				local fetched = tonumber(string.match(current, '^(%d+):'))
				if fetched and fetched >= tonumber(ARGV[2]) then
					return current
				end
			end
			local ttl = tonumber(ARGV[3])
			if ttl > 0 then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
			end
			return ARGV[1]
			""", String.class);

	private static final RedisScript<Long> DELETE_IF_VALUE = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current and string.match(current, '^%d+:%d+:(.*)$') == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local released = 0
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				released = redis.call('DEL', KEYS[1])
			end
			redis.call('PUBLISH', ARGV[2], ARGV[3])
			return released
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration refreshMargin;

	private final Duration lockTimeout;

	private final Clock clock;

	private final RedisConnectionFactory connectionFactory;

	private final byte[] releasePattern;

	private volatile @Nullable RedisConnection subscription;

	private final ConcurrentMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();

	private final AtomicBoolean unavailable = new AtomicBoolean();

	private volatile Duration recoveryInterval = Duration.ofSeconds(1);

	private volatile @Nullable Runnable fallbackListener;

	private volatile @Nullable ScheduledExecutorService probe;

	private volatile boolean running;

	private volatile @Nullable Thread subscriber;

	/**
	 * Create a store.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix prefix of every key and channel, e.g. {@code dingtalk:}
	 * @param refreshMargin the token cache's refresh margin: a stored token past its refresh instant
	 * is fetched again
	 * @param lockTimeout how long an instance waits for another's fetch before it fetches itself;
	 * also the lifetime of the lock
	 */
	public RedisTokenStore(RedisConnectionFactory connectionFactory, String keyPrefix, Duration refreshMargin,
			Duration lockTimeout) {
		this(connectionFactory, keyPrefix, refreshMargin, lockTimeout, Clock.systemUTC());
	}

	RedisTokenStore(RedisConnectionFactory connectionFactory, String keyPrefix, Duration refreshMargin,
			Duration lockTimeout, Clock clock) {
		Assert.notNull(connectionFactory, "'connectionFactory' must not be null");
		Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
		Assert.isTrue(lockTimeout.toMillis() > 0, "'lockTimeout' must be positive");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.refreshMargin = refreshMargin;
		this.lockTimeout = lockTimeout;
		this.clock = clock;
		this.connectionFactory = connectionFactory;
		this.releasePattern = (escapeGlob(keyPrefix) + "*:released").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Set how often an unavailable Redis is probed before sharing resumes (default 1 s).
	 * @param recoveryInterval the probe interval
	 */
	public void setRecoveryInterval(Duration recoveryInterval) {
		Assert.isTrue(recoveryInterval.toMillis() > 0, "'recoveryInterval' must be positive");
		this.recoveryInterval = recoveryInterval;
	}

	/**
	 * Set a callback run each time a token is fetched without Redis because Redis is unavailable
	 * (metrics).
	 * @param fallbackListener the callback
	 */
	public void setFallbackListener(@Nullable Runnable fallbackListener) {
		this.fallbackListener = fallbackListener;
	}

	/**
	 * Whether Redis is in use, as opposed to each instance fetching for itself after a failure.
	 * @return whether tokens are shared through Redis
	 */
	public boolean isShared() {
		return !this.unavailable.get();
	}

	@Override
	public @Nullable StoredToken get(String key) {
		if (this.unavailable.get()) {
			return null;
		}
		try {
			return read(key);
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
			return null;
		}
	}

	@Override
	public StoredToken fetch(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		if (this.unavailable.get()) {
			return fetchLocally(fetcher);
		}
		try {
			return fetchShared(key, stale, fetcher);
		}
		catch (FetcherFailure ex) {
			throw ex.failure;
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
			return fetchLocally(fetcher);
		}
	}

	@Override
	public void invalidate(String key, String failedValue) {
		if (this.unavailable.get()) {
			return;
		}
		try {
			this.redis.execute(DELETE_IF_VALUE, List.of(tokenKey(key)), failedValue);
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
	}

	private StoredToken fetchShared(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		long deadline = 0;
		long backoff = INITIAL_BACKOFF_NANOS;
		while (true) {
			CompletableFuture<Void> released = this.signals.computeIfAbsent(key, (k) -> new CompletableFuture<>());
			StoredToken stored = read(key);
			if (usable(stored, stale)) {
				return stored;
			}
			String owner = UUID.randomUUID().toString();
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey(key), owner, this.lockTimeout))) {
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
			await(released, Math.min(backoff, remaining));
			backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
		}
	}

	private boolean usable(@Nullable StoredToken stored, @Nullable StoredToken stale) {
		if (stored == null || !this.clock.instant().isBefore(stored.refreshAt(this.refreshMargin))) {
			return false;
		}
		return stale == null || !stored.value().equals(stale.value()) || stored.fetchedAt().isAfter(stale.fetchedAt());
	}

	private StoredToken save(String key, StoredToken fetched) {
		long ttl = fetched.expiresAt().toEpochMilli() - this.clock.millis();
		try {
			String winner = this.redis.execute(SAVE_IF_NEWER, List.of(tokenKey(key)), encode(fetched),
					Long.toString(fetched.fetchedAt().toEpochMilli()), Long.toString(ttl));
			StoredToken decoded = decode(winner);
			return (decoded != null) ? decoded : fetched;
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
			return fetched;
		}
	}

	private void release(String key, String owner) {
		try {
			this.redis.execute(RELEASE, List.of(lockKey(key)), owner, channel(key), key);
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
	}

	private @Nullable StoredToken read(String key) {
		StoredToken stored = decode(this.redis.opsForValue().get(tokenKey(key)));
		recovered();
		return stored;
	}

	private StoredToken callFetcher(Supplier<StoredToken> fetcher) {
		try {
			return fetcher.get();
		}
		catch (RuntimeException ex) {
			throw new FetcherFailure(ex);
		}
	}

	private StoredToken fetchLocally(Supplier<StoredToken> fetcher) {
		Runnable listener = this.fallbackListener;
		if (listener != null) {
			listener.run();
		}
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

	private void redisFailed(RuntimeException ex) {
		if (this.unavailable.compareAndSet(false, true)) {
			logger.warn("Redis is unavailable to the DingTalk token store ({}); each instance fetches its own "
					+ "tokens until Redis is back", ex.getClass().getSimpleName());
			startProbe();
		}
	}

	private void recovered() {
		if (this.unavailable.compareAndSet(true, false)) {
			logger.info("Redis is available again; DingTalk tokens are shared by instances again");
		}
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
		stopProbe();
		recovered();
	}

	private synchronized void stopProbe() {
		ScheduledExecutorService executor = this.probe;
		this.probe = null;
		if (executor != null) {
			executor.shutdown();
		}
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::subscribe, "dingtalk-redis-subscribe");
		thread.setDaemon(true);
		this.subscriber = thread;
		thread.start();
	}

	/**
	 * Subscribe to lock releases until subscribed: Lettuce subscribes in the background and
	 * subscribes again after a reconnect; Jedis blocks here until the subscription ends.
	 */
	private void subscribe() {
		while (this.running) {
			try {
				RedisConnection connection = this.connectionFactory.getConnection();
				this.subscription = connection;
				connection.pSubscribe(new ReleaseListener(), this.releasePattern);
				if (connection.isSubscribed()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Redis subscription for DingTalk token notifications failed ({}); retrying",
						ex.getClass().getSimpleName());
				closeSubscription();
			}
			try {
				Thread.sleep(this.recoveryInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void closeSubscription() {
		RedisConnection connection = this.subscription;
		this.subscription = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close the Redis subscription: {}", ex.getClass().getSimpleName());
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		stopProbe();
		Thread thread = this.subscriber;
		if (thread != null && thread != Thread.currentThread()) {
			thread.interrupt();
			try {
				thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeSubscription();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	String tokenKey(String key) {
		return this.keyPrefix + key;
	}

	String lockKey(String key) {
		return this.keyPrefix + key + ":lock";
	}

	String channel(String key) {
		return this.keyPrefix + key + ":released";
	}

	static String encode(StoredToken token) {
		return token.fetchedAt().toEpochMilli() + ":" + token.expiresAt().toEpochMilli() + ":" + token.value();
	}

	static @Nullable StoredToken decode(@Nullable String encoded) {
		if (encoded == null) {
			return null;
		}
		int first = encoded.indexOf(':');
		int second = (first > 0) ? encoded.indexOf(':', first + 1) : -1;
		if (second < 0) {
			return null;
		}
		try {
			Instant fetchedAt = Instant.ofEpochMilli(Long.parseLong(encoded, 0, first, 10));
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(encoded, first + 1, second, 10));
			return new StoredToken(encoded.substring(second + 1), fetchedAt, expiresAt);
		}
		catch (NumberFormatException ex) {
			return null;
		}
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

	@Override
	public String toString() {
		return "RedisTokenStore{keyPrefix=" + this.keyPrefix + ", shared=" + isShared() + "}";
	}

	private final class ReleaseListener implements MessageListener {

		@Override
		public void onMessage(Message message, byte @Nullable [] pattern) {
			String key = new String(message.getBody(), StandardCharsets.UTF_8);
			CompletableFuture<Void> released = RedisTokenStore.this.signals.remove(key);
			if (released != null) {
				released.complete(null);
			}
		}

	}

	private static final class FetcherFailure extends RuntimeException {

		private final RuntimeException failure;

		FetcherFailure(RuntimeException failure) {
			super(null, null, false, false);
			this.failure = failure;
		}

	}

}
