package io.dingboot.callback;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * {@link CallbackDeduplicator} in this instance's memory, bounded in size. Enough for a single
 * instance; several instances behind a load balancer need a shared store.
 * <p>
 * A key is remembered until its time is up or until as many newer keys as the capacity have come,
 * whichever is first: when full, the key claimed or completed longest ago is forgotten. (A cache
 * with frequency-based admission, such as Caffeine's, may refuse to keep a new key in favour of
 * older ones, all of which are read once; a re-push a few seconds later would then be delivered
 * again.) Expired keys are dropped as new pushes come. The map is built by the first push, not at
 * start-up.
 */
public final class InMemoryCallbackDeduplicator implements CallbackDeduplicator {

	/** Default largest number of remembered pushes. */
	public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

	private final int maximumSize;

	private final LongSupplier nanoTime;

	private @Nullable LinkedHashMap<String, Entry> entries;

	public InMemoryCallbackDeduplicator() {
		this(DEFAULT_MAXIMUM_SIZE);
	}

	/**
	 * Create a deduplicator remembering at most {@code maximumSize} pushes.
	 * @param maximumSize the largest number of remembered pushes, at least 1
	 */
	public InMemoryCallbackDeduplicator(long maximumSize) {
		this(maximumSize, System::nanoTime);
	}

	InMemoryCallbackDeduplicator(long maximumSize, LongSupplier nanoTime) {
		if (maximumSize < 1 || maximumSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("maximumSize must be between 1 and " + Integer.MAX_VALUE + ", was " + maximumSize);
		}
		this.maximumSize = (int) maximumSize;
		this.nanoTime = nanoTime;
	}

	/**
	 * Whether the map has been built, which the first push does.
	 * @return whether the map exists
	 */
	synchronized boolean isStarted() {
		return this.entries != null;
	}

	/**
	 * The number of remembered keys, expired ones not yet dropped included.
	 * @return the number of keys
	 */
	synchronized int size() {
		return (this.entries != null) ? this.entries.size() : 0;
	}

	@Override
	public synchronized Claim claim(String key, Duration claimTimeout) {
		long now = this.nanoTime.getAsLong();
		LinkedHashMap<String, Entry> entries = entries();
		dropExpired(entries, now);
		Entry existing = entries.get(key);
		if (existing != null && !existing.expiredAt(now)) {
			return existing.done() ? Claim.DONE : Claim.IN_PROGRESS;
		}
		putAsNewest(entries, key, new Entry(false, now + claimTimeout.toNanos()));
		return Claim.CLAIMED;
	}

	@Override
	public synchronized void complete(String key, Duration window) {
		putAsNewest(entries(), key, new Entry(true, this.nanoTime.getAsLong() + window.toNanos()));
	}

	@Override
	public synchronized void release(String key) {
		if (this.entries != null) {
			this.entries.computeIfPresent(key, (k, entry) -> entry.done() ? entry : null);
		}
	}

	private LinkedHashMap<String, Entry> entries() {
		LinkedHashMap<String, Entry> entries = this.entries;
		if (entries == null) {
			entries = new LinkedHashMap<>();
			this.entries = entries;
		}
		return entries;
	}

	private void putAsNewest(LinkedHashMap<String, Entry> entries, String key, Entry entry) {
		entries.remove(key);
		entries.put(key, entry);
		if (entries.size() > this.maximumSize) {
			Iterator<String> oldest = entries.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
	}

	/**
	 * Drop expired keys from the oldest end, up to the first one still valid; a key with a shorter
	 * time behind one with a longer time waits for that one or for its own lookup.
	 */
	private static void dropExpired(LinkedHashMap<String, Entry> entries, long now) {
		Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
		while (oldest.hasNext() && oldest.next().getValue().expiredAt(now)) {
			oldest.remove();
		}
	}

	private record Entry(boolean done, long deadline) {

		boolean expiredAt(long now) {
			return now - this.deadline >= 0;
		}

	}

}
