package io.dingboot.token;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Where tokens live behind the in-process cache: this instance's memory, or a store shared by
 * instances (Redis). Keys are already scoped by app and token kind.
 */
public interface TokenStore {

	/**
	 * Return the stored token, or {@code null}.
	 * @param key the token key
	 * @return the stored token or {@code null}
	 */
	@Nullable StoredToken get(String key);

	/**
	 * Fetch a new token with {@code fetcher} and store it. A shared store lets one caller fetch
	 * and the others wait for its result, and may return a token another instance stored meanwhile
	 * if it is newer than {@code stale}.
	 * @param key the token key
	 * @param stale the token the caller wants replaced, or {@code null}
	 * @param fetcher fetches a new token from DingTalk
	 * @return the token to use
	 */
	StoredToken fetch(String key, @Nullable StoredToken stale, Supplier<StoredToken> fetcher);

	/**
	 * Remove the stored token only if its value is {@code failedValue}.
	 * @param key the token key
	 * @param failedValue the value DingTalk refused
	 */
	void invalidate(String key, String failedValue);

}
