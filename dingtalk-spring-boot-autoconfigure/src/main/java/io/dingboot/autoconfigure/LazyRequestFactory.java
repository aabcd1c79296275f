package io.dingboot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A request factory that builds the real one on the first request: the HTTP client under it (its
 * TLS context, connection pool and selector thread) costs start-up time that an application which
 * never calls DingTalk, or calls it later, should not pay.
 */
final class LazyRequestFactory implements ClientHttpRequestFactory {

	private final SingletonSupplier<ClientHttpRequestFactory> delegate;

	LazyRequestFactory(Supplier<ClientHttpRequestFactory> delegate) {
		this.delegate = SingletonSupplier.of(delegate);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return this.delegate.obtain().createRequest(uri, httpMethod);
	}

}
