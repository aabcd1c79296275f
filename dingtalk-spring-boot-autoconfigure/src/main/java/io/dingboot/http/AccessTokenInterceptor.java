package io.dingboot.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriUtils;

/**
 * Adds the access token (or, for {@code /gettoken}, the credentials) to the query string of a
 * DingTalk request at the last moment, so that the URI templates and URIs that
 * {@code RestTemplate} logs and observes never hold a token or a secret.
 */
final class AccessTokenInterceptor implements ClientHttpRequestInterceptor {

	private static final ThreadLocal<Map<String, String>> SECRET_QUERY = new ThreadLocal<>();

	static void bind(Map<String, String> secretQuery) {
		SECRET_QUERY.set(secretQuery);
	}

	static void clear() {
		SECRET_QUERY.remove();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Map<String, String> query = SECRET_QUERY.get();
		if (query == null || query.isEmpty()) {
			return execution.execute(request, body);
		}
		String base = request.getURI().toString();
		StringBuilder uri = new StringBuilder(base.length() + 64).append(base);
		char separator = (base.indexOf('?') < 0) ? '?' : '&';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(UriUtils.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		URI withSecrets = URI.create(uri.toString());
		return execution.execute(new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return withSecrets;
			}
		}, body);
	}

}
