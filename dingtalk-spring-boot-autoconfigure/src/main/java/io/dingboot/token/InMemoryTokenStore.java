package io.dingboot.token;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in this instance's memory. Single flight is the job of the
 * {@link TokenCache} in front of it.
 */
public final class InMemoryTokenStore implements TokenStore {

	private final ConcurrentMap<String, StoredToken> tokens = new ConcurrentHashMap<>();

	@Override
	public @Nullable StoredToken get(String key) {
		return this.tokens.get(key);
	}

	@Override
	public StoredToken fetch(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher) {
		StoredToken fetched = fetcher.get();
		return this.tokens.merge(key, fetched,
				(old, candidate) -> candidate.fetchedAt().isBefore(old.fetchedAt()) ? old : candidate);
	}

	@Override
	public void invalidate(String key, String failedValue) {
		this.tokens.computeIfPresent(key, (k, current) -> current.value().equals(failedValue) ? null : current);
	}

}
