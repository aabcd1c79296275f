package io.dingboot.callback;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * {@link CallbackDeduplicator} in this instance's memory (Caffeine), bounded in size. Enough for a
 * single instance; several instances behind a load balancer need a shared store.
 */
public final class InMemoryCallbackDeduplicator implements CallbackDeduplicator {

	/** Default largest number of remembered pushes. */
	public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

	private final Cache<String, Entry> entries;

	public InMemoryCallbackDeduplicator() {
		this(DEFAULT_MAXIMUM_SIZE);
	}

	/**
	 * Create a deduplicator remembering at most {@code maximumSize} pushes.
	 * @param maximumSize the largest number of remembered pushes
	 */
	public InMemoryCallbackDeduplicator(long maximumSize) {
		this(maximumSize, Ticker.systemTicker());
	}

	InMemoryCallbackDeduplicator(long maximumSize, Ticker ticker) {
		this.entries = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new EntryExpiry())
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Claim claim(String key, Duration claimTimeout) {
		Entry existing = this.entries.asMap().putIfAbsent(key, new Entry(false, claimTimeout.toNanos()));
		if (existing == null) {
			return Claim.CLAIMED;
		}
		return existing.done() ? Claim.DONE : Claim.IN_PROGRESS;
	}

	@Override
	public void complete(String key, Duration window) {
		this.entries.put(key, new Entry(true, window.toNanos()));
	}

	@Override
	public void release(String key) {
		this.entries.asMap().computeIfPresent(key, (k, entry) -> entry.done() ? entry : null);
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
