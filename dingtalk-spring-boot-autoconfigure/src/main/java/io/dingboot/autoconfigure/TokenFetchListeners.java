package io.dingboot.autoconfigure;

import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache.TokenFetchListener;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells every {@link TokenFetchListener} bean (meters, health) of a token fetch. The beans are
 * looked up when a fetch happens, so a listener that itself needs the token cache can be built
 * after it.
 */
final class TokenFetchListeners implements TokenFetchListener {

	private final ObjectProvider<TokenFetchListener> listeners;

	TokenFetchListeners(ObjectProvider<TokenFetchListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void fetched(String key, StoredToken token) {
		this.listeners.orderedStream().forEach((listener) -> listener.fetched(key, token));
	}

	@Override
	public void failed(String key, RuntimeException failure) {
		this.listeners.orderedStream().forEach((listener) -> listener.failed(key, failure));
	}

}
