package io.dingboot.callback;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * {@link CallbackDeduplicator} in this instance's memory (Caffeine), bounded in size. Enough for a
 * single instance; several instances behind a load balancer need a shared store. The cache is
 * built by the first push, not at start-up.
 */
public final class InMemoryCallbackDeduplicator implements CallbackDeduplicator {

	/** Default largest number of remembered pushes. */
	public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

	private final long maximumSize;

	private final @Nullable Ticker ticker;

	private volatile @Nullable Cache<String, Entry> entries;

	public InMemoryCallbackDeduplicator() {
		this(DEFAULT_MAXIMUM_SIZE);
	}

	/**
	 * Create a deduplicator remembering at most {@code maximumSize} pushes.
	 * @param maximumSize the largest number of remembered pushes
	 */
	public InMemoryCallbackDeduplicator(long maximumSize) {
		this(maximumSize, null);
	}

	InMemoryCallbackDeduplicator(long maximumSize, @Nullable Ticker ticker) {
		this.maximumSize = maximumSize;
		this.ticker = ticker;
	}

	/**
	 * Whether the cache has been built, which the first push does.
	 * @return whether the cache exists
	 */
	boolean isStarted() {
		return this.entries != null;
	}

	private Cache<String, Entry> entries() {
		Cache<String, Entry> entries = this.entries;
		if (entries == null) {
			synchronized (this) {
				entries = this.entries;
				if (entries == null) {
					entries = Caffeine.newBuilder()
						.maximumSize(this.maximumSize)
						.expireAfter(new EntryExpiry())
						.ticker((this.ticker != null) ? this.ticker : Ticker.systemTicker())
						.executor(Runnable::run)
						.build();
					this.entries = entries;
				}
			}
		}
		return entries;
	}

	@Override
	public Claim claim(String key, Duration claimTimeout) {
		Entry existing = entries().asMap().putIfAbsent(key, new Entry(false, claimTimeout.toNanos()));
		if (existing == null) {
			return Claim.CLAIMED;
		}
		return existing.done() ? Claim.DONE : Claim.IN_PROGRESS;
	}

	@Override
	public void complete(String key, Duration window) {
		entries().put(key, new Entry(true, window.toNanos()));
	}

	@Override
	public void release(String key) {
		entries().asMap().computeIfPresent(key, (k, entry) -> entry.done() ? entry : null);
	}

	private record Entry(boolean done, long ttlNanos) {

	}

	private static final class EntryExpiry implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return entry.ttlNanos();
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return entry.ttlNanos();
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
