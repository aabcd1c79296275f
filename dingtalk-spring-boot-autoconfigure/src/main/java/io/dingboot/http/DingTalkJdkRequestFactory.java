package io.dingboot.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request factory over a JDK {@link HttpClient} for DingTalk's small JSON calls: the body is
 * buffered and sent as one byte array, the answer read whole, with {@code HttpClient.send} on the
 * calling thread. DingBoot uses it when the application's HTTP client is the JDK's (Boot's default);
 * the client itself is built by Boot's {@code JdkHttpClientBuilder} from the application's HTTP
 * client settings.
 * <p>
 * Boot's {@code JdkClientHttpRequestFactoryBuilder} does not serve here: Framework's
 * {@code JdkClientHttpRequestFactory} sends with {@code sendAsync} and an {@code InputStream} body
 * handler, which waits forever with the same-thread executor DingBoot gives the client (the
 * client's selector thread completing each exchange, no pool thread), and without it writes every
 * request body through a publisher on an executor of its own (a new thread per request when the
 * client has no executor). Both cost several times the CPU per call of this factory (see
 * {@code docs/performance.md}).
 */
public final class DingTalkJdkRequestFactory implements ClientHttpRequestFactory {

	private static final Set<String> DISALLOWED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade");

	private final HttpClient httpClient;

	private final Duration readTimeout;

	/**
	 * Create a factory.
	 * @param httpClient the JDK client (pooled connections, connect timeout, SSL, redirects)
	 * @param readTimeout the longest wait for an answer, per request
	 */
	public DingTalkJdkRequestFactory(HttpClient httpClient, Duration readTimeout) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new Request(uri, httpMethod);
	}

	private final class Request implements ClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final HttpHeaders headers = new HttpHeaders();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);

		private @Nullable Map<String, Object> attributes;

		Request(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public Map<String, Object> getAttributes() {
			Map<String, Object> attributes = this.attributes;
			if (attributes == null) {
				attributes = new LinkedHashMap<>();
				this.attributes = attributes;
			}
			return attributes;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public OutputStream getBody() {
			return this.body;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri).timeout(DingTalkJdkRequestFactory.this.readTimeout);
			for (Map.Entry<String, List<String>> header : this.headers.headerSet()) {
				if (!DISALLOWED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
					header.getValue().forEach((value) -> builder.header(header.getKey(), value));
				}
			}
			byte[] bytes = this.body.toByteArray();
			builder.method(this.method.name(),
					(bytes.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.noBody());
			try {
				return new Response(DingTalkJdkRequestFactory.this.httpClient.send(builder.build(),
						HttpResponse.BodyHandlers.ofByteArray()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for DingTalk");
			}
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpResponse<byte[]> response;

		private @Nullable HttpHeaders headers;

		Response(HttpResponse<byte[]> response) {
			this.response = response;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.response.statusCode());
		}

		@Override
		public String getStatusText() {
			return "";
		}

		@Override
		public HttpHeaders getHeaders() {
			if (this.headers == null) {
				HttpHeaders headers = new HttpHeaders();
				this.response.headers().map().forEach(headers::addAll);
				this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
			}
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			byte[] body = this.response.body();
			return new ByteArrayInputStream((body != null) ? body : new byte[0]);
		}

		@Override
		public void close() {
		}

	}

}
