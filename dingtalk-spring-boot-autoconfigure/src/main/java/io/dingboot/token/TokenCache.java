package io.dingboot.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process cache in front of a {@link TokenStore}: single flight on a cold key (every caller
 * waits for one fetch and gets its result or its exception), refresh ahead of expiry in the
 * background, failure backoff, and invalidate-if-current. Used for access tokens and JSAPI tickets.
 */
public final class TokenCache {

	private static final Logger logger = LoggerFactory.getLogger(TokenCache.class);

	private final TokenStore store;

	private final Duration refreshMargin;

	private final Duration failureBackoff;

	private final Clock clock;

	private final Executor refreshExecutor;

	private final Cache<String, Entry> cache;

	private final ConcurrentMap<String, CompletableFuture<Entry>> inflight = new ConcurrentHashMap<>();

	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	private final ConcurrentMap<String, Failure> failures = new ConcurrentHashMap<>();

	private final CopyOnWriteArrayList<TokenFetchListener> listeners = new CopyOnWriteArrayList<>();

	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff) {
		this(store, refreshMargin, failureBackoff, Clock.systemUTC(), TokenCache::startDaemon);
	}

	public TokenCache(TokenStore store, Duration refreshMargin, Duration failureBackoff, Clock clock,
			Executor refreshExecutor) {
		this.store = store;
		this.refreshMargin = refreshMargin;
		this.failureBackoff = failureBackoff;
		this.clock = clock;
		this.refreshExecutor = refreshExecutor;
		// Unbounded: one entry per app and token kind; expiry is checked on read against the token's own
		// expires_in, which keeps a warm lookup to one hash-map read.
		this.cache = Caffeine.newBuilder().build();
	}

	/**
	 * Set a listener told of every fetch and its outcome (metrics, health).
	 * @param listener the listener
	 */
	public void setListener(@Nullable TokenFetchListener listener) {
		this.listeners.clear();
		if (listener != null) {
			this.listeners.add(listener);
		}
	}

	/**
	 * Add a listener told of every fetch and its outcome, next to those already set.
	 * @param listener the listener
	 */
	public void addListener(TokenFetchListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Return the token for {@code key}, fetching it with {@code fetcher} when none is cached.
	 * @param key the token key
	 * @param fetcher fetches a new token
	 * @return the token value
	 */
	public String get(String key, Supplier<StoredToken> fetcher) {
		Entry entry = this.cache.getIfPresent(key);
		if (entry != null) {
			long now = this.clock.millis();
			if (now < entry.expiresAt) {
				if (now >= entry.refreshAt) {
					refreshAhead(key, entry, fetcher);
				}
				return entry.token.value();
			}
			this.cache.asMap().remove(key, entry);
		}
		Failure failure = this.failures.get(key);
		if (failure != null && this.clock.millis() < failure.until) {
			throw failure.exception;
		}
		return load(key, fetcher).token.value();
	}

	/**
	 * Return the token cached for {@code key} without fetching, or {@code null}.
	 * @param key the token key
	 * @return the cached token or {@code null}
	 */
	public @Nullable StoredToken peek(String key) {
		Entry entry = this.cache.getIfPresent(key);
		return (entry != null) ? entry.token : this.store.get(key);
	}

	/**
	 * Drop the token for {@code key} if it is still {@code failedValue}.
	 * @param key the token key
	 * @param failedValue the value DingTalk refused
	 */
	public void invalidate(String key, String failedValue) {
		this.cache.asMap().computeIfPresent(key, (k, entry) -> entry.token.value().equals(failedValue) ? null : entry);
		this.store.invalidate(key, failedValue);
	}

	private Entry load(String key, Supplier<StoredToken> fetcher) {
		CompletableFuture<Entry> mine = new CompletableFuture<>();
		CompletableFuture<Entry> existing = this.inflight.putIfAbsent(key, mine);
		if (existing != null) {
			try {
				return existing.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}
		try {
			Entry cached = this.cache.getIfPresent(key);
			Entry loaded = (cached != null && this.clock.millis() < cached.expiresAt) ? cached
					: entry(obtain(key, null, fetcher));
			this.cache.put(key, loaded);
			this.failures.remove(key);
			this.inflight.remove(key, mine);
			mine.complete(loaded);
			return loaded;
		}
		catch (RuntimeException ex) {
			this.failures.put(key, new Failure(ex, this.clock.millis() + this.failureBackoff.toMillis()));
			this.inflight.remove(key, mine);
			mine.completeExceptionally(ex);
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
		return this.store.fetch(key, stale, () -> fetchAndReport(fetcher));
	}

	private StoredToken fetchAndReport(Supplier<StoredToken> fetcher) {
		try {
			StoredToken token = fetcher.get();
			this.listeners.forEach((listener) -> listener.fetched(token));
			return token;
		}
		catch (RuntimeException ex) {
			this.listeners.forEach((listener) -> listener.failed(ex));
			throw ex;
		}
	}

	private void refreshAhead(String key, Entry current, Supplier<StoredToken> fetcher) {
		if (this.clock.millis() < current.refreshBlockedUntil || !this.refreshing.add(key)) {
			return;
		}
		try {
			this.refreshExecutor.execute(() -> {
				try {
					Entry fresh = entry(obtain(key, current.token, fetcher));
					this.cache.asMap().merge(key, fresh,
							(old, candidate) -> old.token.fetchedAt().isAfter(candidate.token.fetchedAt()) ? old : candidate);
				}
				catch (RuntimeException ex) {
					current.refreshBlockedUntil = this.clock.millis() + this.failureBackoff.toMillis();
					logger.warn("Background refresh of a DingTalk token failed; the current one stays in use: {}",
							ex.getMessage());
				}
				finally {
					this.refreshing.remove(key);
				}
			});
		}
		catch (RuntimeException ex) {
			this.refreshing.remove(key);
		}
	}

	private Entry entry(StoredToken token) {
		return new Entry(token, token.refreshAt(this.refreshMargin).toEpochMilli(), token.expiresAt().toEpochMilli());
	}

	private static void startDaemon(Runnable task) {
		Thread thread = new Thread(task, "dingtalk-token-refresh");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Told of each token fetch.
	 */
	public interface TokenFetchListener {

		/**
		 * A token was fetched.
		 * @param token the token
		 */
		void fetched(StoredToken token);

		/**
		 * A fetch failed.
		 * @param failure the failure
		 */
		void failed(RuntimeException failure);

	}

	private static final class Entry {

		final StoredToken token;

		final long refreshAt;

		final long expiresAt;

		volatile long refreshBlockedUntil;

		Entry(StoredToken token, long refreshAt, long expiresAt) {
			this.token = token;
			this.refreshAt = refreshAt;
			this.expiresAt = expiresAt;
		}

	}

	private record Failure(RuntimeException exception, long until) {
	}

}
