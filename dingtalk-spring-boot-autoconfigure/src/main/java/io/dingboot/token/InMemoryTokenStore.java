package io.dingboot.token;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The {@link TokenStore} of memory mode: tokens live in this instance's memory, in the
 * {@link TokenCache} in front of this store, which holds the one copy of each token. This store
 * keeps nothing of its own; it fetches when the cache asks. Single flight, expiry and
 * invalidation are the cache's job.
 */
public final class InMemoryTokenStore implements TokenStore {

	@Override
	public @Nullable StoredToken get(String key) {
		return null;
	}

	@Override
	public StoredToken fetch(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		return fetcher.get();
	}

	@Override
	public void invalidate(String key, String failedValue) {
	}

	@Override
	public String toString() {
		return "InMemoryTokenStore{}";
	}

}
