package io.dingboot.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriUtils;

/**
 * Adds the access token (or, for a token fetch, the credentials: in the query of {@code /gettoken},
 * as the JSON body of {@code /v1.0/oauth2/accessToken}) to a DingTalk request at the last moment, from the {@link SecretParameters} in the request attribute {@link #ATTRIBUTE}, so
 * that the URI templates, URIs and headers that {@code RestClient} logs and observes, and that
 * the application's own interceptors see, never hold a token or a secret. It is the last
 * interceptor of DingBoot's {@code RestClient}.
 */
final class AccessTokenInterceptor implements ClientHttpRequestInterceptor {

	static final String ATTRIBUTE = AccessTokenInterceptor.class.getName() + ".secrets";

	/**
	 * The last URI made with secret query parameters: a token lasts two hours and the URI of a
	 * template without variables is the same instance on every call, so most calls reuse it.
	 */
	private volatile @Nullable SecretUri last;

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!(request.getAttributes().get(ATTRIBUTE) instanceof SecretParameters secrets) || secrets.isEmpty()) {
			return execution.execute(request, body);
		}
		URI uri = withSecretQuery(request.getURI(), secrets.query());
		HttpHeaders headers = request.getHeaders();
		byte[] sentBody = body;
		if (!secrets.headers().isEmpty() || secrets.jsonBody() != null) {
			headers = HttpHeaders.copyOf(request.getHeaders());
			secrets.headers().forEach(headers::set);
		}
		if (secrets.jsonBody() != null) {
			sentBody = DingTalkJson.mapper().writeValueAsBytes(secrets.jsonBody());
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(sentBody.length);
		}
		HttpHeaders sentHeaders = headers;
		return execution.execute(new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return uri;
			}

			@Override
			public HttpHeaders getHeaders() {
				return sentHeaders;
			}

		}, sentBody);
	}

	private URI withSecretQuery(URI original, Map<String, String> query) {
		if (query.isEmpty()) {
			return original;
		}
		SecretUri last = this.last;
		if (last != null && last.original() == original && last.query().equals(query)) {
			return last.uri();
		}
		URI uri = withQuery(original, query);
		this.last = new SecretUri(original, query, uri);
		return uri;
	}

	private static URI withQuery(URI original, Map<String, String> query) {
		if (query.isEmpty()) {
			return original;
		}
		String base = original.toString();
		StringBuilder uri = new StringBuilder(base.length() + 64).append(base);
		char separator = (base.indexOf('?') < 0) ? '?' : '&';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(UriUtils.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

	/**
	 * A URI and the same URI with secret query parameters added.
	 */
	private record SecretUri(URI original, Map<String, String> query, URI uri) {

		@Override
		public String toString() {
			return "SecretUri[" + this.original + "]";
		}

	}

}
