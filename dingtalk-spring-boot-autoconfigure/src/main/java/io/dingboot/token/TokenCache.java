package io.dingboot.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The in-process cache in front of a {@link TokenStore}, shared by every app and token kind of the
 * application: keys name the kind and the app's key ({@code access_token:<appKey>},
 * {@code jsapi_ticket:<appKey>}), so N apps cost one lookup each, not a lookup per app.
 * <p>
 * Caffeine does what it does already: single flight on a cold key (every caller shares one future
 * and gets its token or its exception; a failed future is removed, never cached). Kept here are
 * what Caffeine cannot do, or not at the cost a call may pay:
 * <ul>
 * <li>failure backoff: after a failed fetch, callers get the same failure without a new fetch for
 * {@code failureBackoff}, so bad credentials never make more than about one {@code gettoken} call
 * per backoff however hard the application is pushed;</li>
 * <li>refresh ahead: from {@link StoredToken#refreshAt(Duration)} on, one background refresh runs
 * while callers keep the current token;</li>
 * <li>invalidate-if-current: a refused token is dropped only if it is still the one held;</li>
 * <li>expiry at each token's own {@code expires_in}, checked on read against the clock read that
 * the refresh-ahead check needs anyway. Caffeine's variable expiry ({@code Expiry}) would add a
 * ticker read and read-buffer bookkeeping to every warm lookup (measured at several times the cost
 * of this one, and worse with threads sharing the cache); a warm lookup here is one hash-map read,
 * one clock read and two comparisons, whatever the number of apps.</li>
 * </ul>
 * The cache is the only copy of a token in this instance: the memory store keeps none of its own.
 */
public final class TokenCache {

	private static final Logger logger = LoggerFactory.getLogger(TokenCache.class);

	private static final TokenFetchListener NO_LISTENER = new TokenFetchListener() {

		@Override
		public void fetched(String key, StoredToken token) {
		}

		@Override
		public void failed(String key, RuntimeException failure) {
		}

	};

	private final TokenStore store;

	private final Duration refreshMargin;

	private final long failureBackoffMillis;

	private final Clock clock;

	private final Executor refreshExecutor;

	private final TokenFetchListener listener;

	private volatile @Nullable AsyncCache<String, Entry> cache;

	private final ConcurrentMap<String, Failure> failures = new ConcurrentHashMap<>();

	/**
	 * Create a cache without a fetch listener.
	 * @param store where tokens are kept behind this cache
	 * @param refreshMargin how long before expiry a token is refreshed in the background
	 * @param failureBackoff how long a failed fetch is answered with its failure
	 */
	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff) {
		this(store, refreshMargin, failureBackoff, NO_LISTENER);
	}

	/**
	 * Create a cache.
	 * @param store where tokens are kept behind this cache
	 * @param refreshMargin how long before expiry a token is refreshed in the background
	 * @param failureBackoff how long a failed fetch is answered with its failure
	 * @param listener told of every fetch and its outcome (metrics, health)
	 */
	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff, TokenFetchListener listener) {
		this(store, refreshMargin, failureBackoff, Clock.systemUTC(), TokenCache::startDaemon, listener);
	}

	/**
	 * Create a cache with its own clock and refresh executor, without a fetch listener.
	 * @param store where tokens are kept behind this cache
	 * @param refreshMargin how long before expiry a token is refreshed in the background
	 * @param failureBackoff how long a failed fetch is answered with its failure
	 * @param clock the clock token expiry is measured with
	 * @param refreshExecutor runs background refreshes
	 */
	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff, Clock clock,
			Executor refreshExecutor) {
		this(store, refreshMargin, failureBackoff, clock, refreshExecutor, NO_LISTENER);
	}

	/**
	 * Create a cache with its own clock and refresh executor.
	 * @param store where tokens are kept behind this cache
	 * @param refreshMargin how long before expiry a token is refreshed in the background
	 * @param failureBackoff how long a failed fetch is answered with its failure
	 * @param clock the clock token expiry is measured with
	 * @param refreshExecutor runs background refreshes
	 * @param listener told of every fetch and its outcome (metrics, health)
	 */
	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff, Clock clock,
			Executor refreshExecutor, TokenFetchListener listener) {
		Assert.notNull(store, "'store' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.store = store;
		this.refreshMargin = refreshMargin;
		this.failureBackoffMillis = failureBackoff.toMillis();
		this.clock = clock;
		this.refreshExecutor = refreshExecutor;
		this.listener = listener;
	}

	/**
	 * The cache, built on the first lookup rather than at start-up.
	 */
	private AsyncCache<String, Entry> cache() {
		AsyncCache<String, Entry> cache = this.cache;
		if (cache == null) {
			synchronized (this) {
				cache = this.cache;
				if (cache == null) {
					// unbounded: one entry per app and token kind, expired on read; completions run
					// on the calling thread (no pool)
					cache = Caffeine.newBuilder().executor(Runnable::run).<String, Entry>buildAsync();
					this.cache = cache;
				}
			}
		}
		return cache;
	}

	/**
	 * Whether the cache has been built, which the first lookup does.
	 * @return whether the cache exists
	 */
	boolean isStarted() {
		return this.cache != null;
	}

	/**
	 * Return the token for {@code key}, fetching it with {@code fetcher} when none is cached.
	 * @param key the token key, naming the token kind and the app's key, never a secret
	 * @param fetcher fetches a new token
	 * @return the token value
	 */
	public String get(String key, Supplier<StoredToken> fetcher) {
		CompletableFuture<Entry> held = cache().getIfPresent(key);
		if (held != null && isUsable(held)) {
			Entry entry = held.join();
			long now = this.clock.millis();
			if (now < entry.expiresAt) {
				if (now >= entry.refreshAt) {
					refreshAhead(key, entry, fetcher);
				}
				return entry.token.value();
			}
			cache().asMap().remove(key, held);
		}
		return load(key, fetcher).token.value();
	}

	/**
	 * Return the token cached for {@code key} without fetching, or {@code null}.
	 * @param key the token key
	 * @return the cached token or {@code null}
	 */
	public @Nullable StoredToken peek(String key) {
		CompletableFuture<Entry> held = cache().getIfPresent(key);
		return (held != null && isUsable(held)) ? held.join().token : this.store.get(key);
	}

	/**
	 * Drop the token for {@code key} if it is still {@code failedValue}.
	 * @param key the token key
	 * @param failedValue the value DingTalk refused
	 */
	public void invalidate(String key, String failedValue) {
		cache().asMap()
			.computeIfPresent(key,
					(k, held) -> (isUsable(held) && held.join().token.value().equals(failedValue)) ? null : held);
		this.store.invalidate(key, failedValue);
	}

	/**
	 * Forget what this instance holds for {@code key}: the cached token and a remembered failure.
	 * A shared store keeps its copy, which other instances may still use.
	 * @param key the token key
	 */
	public void evict(String key) {
		cache().asMap().remove(key);
		this.failures.remove(key);
	}

	private Entry load(String key, Supplier<StoredToken> fetcher) {
		Failure failure = this.failures.get(key);
		if (failure != null) {
			if (this.clock.millis() < failure.until) {
				throw failure.exception;
			}
			this.failures.remove(key, failure);
		}
		CompletableFuture<Entry> mine = new CompletableFuture<>();
		CompletableFuture<Entry> shared = cache().get(key, (k, executor) -> mine);
		while (shared != mine && isUsable(shared) && this.clock.millis() >= shared.join().expiresAt) {
			// an expired token another caller has not dropped yet
			cache().asMap().remove(key, shared);
			shared = cache().get(key, (k, executor) -> mine);
		}
		if (shared == mine) {
			try {
				mine.complete(entry(obtain(key, null, fetcher)));
			}
			catch (RuntimeException ex) {
				// seen by callers that arrive after Caffeine dropped the failed future
				this.failures.put(key, new Failure(ex, this.clock.millis() + this.failureBackoffMillis));
				mine.completeExceptionally(ex);
			}
			catch (Error err) {
				// never leave the waiters hanging
				mine.completeExceptionally(err);
				throw err;
			}
		}
		try {
			return shared.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failed) {
				throw failed;
			}
			if (ex.getCause() instanceof Error err) {
				throw err;
			}
			throw ex;
		}
	}

	private StoredToken obtain(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		Instant now = this.clock.instant();
		StoredToken stored = this.store.get(key);
		if (stored != null && now.isBefore(stored.refreshAt(this.refreshMargin))
				&& (stale == null || !stored.value().equals(stale.value()))) {
			return stored;
		}
		return this.store.fetch(key, stale, () -> fetchAndReport(key, fetcher));
	}

	private StoredToken fetchAndReport(String key, Supplier<StoredToken> fetcher) {
		StoredToken token;
		try {
			token = fetcher.get();
		}
		catch (RuntimeException ex) {
			this.listener.failed(key, ex);
			throw ex;
		}
		this.listener.fetched(key, token);
		return token;
	}

	private void refreshAhead(String key, Entry current, Supplier<StoredToken> fetcher) {
		if (this.clock.millis() < current.refreshBlockedUntil || !current.startRefresh()) {
			return;
		}
		try {
			this.refreshExecutor.execute(() -> refresh(key, current, fetcher));
		}
		catch (RuntimeException ex) {
			current.endRefresh();
		}
	}

	private void refresh(String key, Entry current, Supplier<StoredToken> fetcher) {
		try {
			Entry fresh = entry(obtain(key, current.token, fetcher));
			cache().asMap().compute(key, (k, held) -> keepNewer(held, fresh));
		}
		catch (RuntimeException ex) {
			current.refreshBlockedUntil = this.clock.millis() + this.failureBackoffMillis;
			logger.warn("Background refresh of a DingTalk token failed; the current one stays in use: {}",
					ex.getMessage());
		}
		finally {
			current.endRefresh();
		}
	}

	private static CompletableFuture<Entry> keepNewer(@Nullable CompletableFuture<Entry> held, Entry fresh) {
		if (held != null && !held.isDone()) {
			return held;
		}
		if (held != null && isUsable(held) && held.join().token.fetchedAt().isAfter(fresh.token.fetchedAt())) {
			return held;
		}
		return CompletableFuture.completedFuture(fresh);
	}

	private static boolean isUsable(CompletableFuture<Entry> held) {
		return held.isDone() && !held.isCompletedExceptionally();
	}

	private Entry entry(StoredToken token) {
		return new Entry(token, token.refreshAt(this.refreshMargin).toEpochMilli(), token.expiresAt().toEpochMilli());
	}

	private static void startDaemon(Runnable task) {
		Thread thread = new Thread(task, "dingtalk-token-refresh");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public String toString() {
		AsyncCache<String, Entry> cache = this.cache;
		return "TokenCache{size=" + ((cache != null) ? cache.asMap().size() : 0) + ", store=" + this.store + "}";
	}

	/**
	 * Told of each token fetch from DingTalk.
	 */
	public interface TokenFetchListener {

		/**
		 * A token was fetched.
		 * @param key the token key, naming the token kind and the app's key (never a secret),
		 * e.g. {@code access_token:dingxxxx}
		 * @param token the token
		 */
		void fetched(String key, StoredToken token);

		/**
		 * A fetch failed.
		 * @param key the token key, naming the token kind and the app's key (never a secret)
		 * @param failure the failure
		 */
		void failed(String key, RuntimeException failure);

	}

	private static final class Entry {

		final StoredToken token;

		final long refreshAt;

		final long expiresAt;

		final AtomicBoolean refreshing = new AtomicBoolean();

		volatile long refreshBlockedUntil;

		Entry(StoredToken token, long refreshAt, long expiresAt) {
			this.token = token;
			this.refreshAt = refreshAt;
			this.expiresAt = expiresAt;
		}

		boolean startRefresh() {
			return this.refreshing.compareAndSet(false, true);
		}

		void endRefresh() {
			this.refreshing.set(false);
		}

	}

	private record Failure(RuntimeException exception, long until) {
	}

}
