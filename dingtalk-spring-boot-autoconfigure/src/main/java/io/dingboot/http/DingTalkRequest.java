package io.dingboot.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * One call to DingTalk: method (any of GET, POST, PUT, DELETE, PATCH), path, query parameters,
 * extra headers and body, and optionally the base URL of the API family it belongs to (by default
 * {@code dingtalk.base-url}, the legacy server API). {@code idempotent} says whether the call may be
 * repeated when its answer was lost (a read); a call that may already have taken effect (a send)
 * is not retried after a timeout.
 * <p>
 * Neither query parameters nor headers may carry a secret: both are visible to logging,
 * observation and the application's interceptors. The access token is added by the
 * {@link DingTalkClient}, at the place its {@link TokenPlacement} says, after all of those.
 */
public final class DingTalkRequest {

	private final HttpMethod method;

	private final String path;

	private final @Nullable URI baseUrl;

	private final Map<String, Object> query;

	private final HttpHeaders headers;

	private final @Nullable Object body;

	private final boolean idempotent;

	private final boolean authenticated;

	private DingTalkRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.baseUrl = builder.baseUrl;
		this.query = builder.query.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
		this.headers = builder.headers.isEmpty() ? HttpHeaders.EMPTY
				: HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(builder.headers));
		this.body = builder.body;
		this.idempotent = builder.idempotent;
		this.authenticated = builder.authenticated;
	}

	/**
	 * A GET of {@code path}; GETs are idempotent.
	 * @param path the API path, e.g. {@code /get_jsapi_ticket}
	 * @return a builder
	 */
	public static Builder get(String path) {
		return new Builder(HttpMethod.GET, path).idempotent(true);
	}

	/**
	 * A POST of {@code path}; not idempotent unless said so.
	 * @param path the API path, e.g. {@code /topapi/v2/user/get}
	 * @return a builder
	 */
	public static Builder post(String path) {
		return new Builder(HttpMethod.POST, path);
	}

	/**
	 * A PUT of {@code path}; not idempotent unless said so (DingTalk's PUTs change state).
	 * @param path the API path
	 * @return a builder
	 */
	public static Builder put(String path) {
		return new Builder(HttpMethod.PUT, path);
	}

	/**
	 * A PATCH of {@code path}; not idempotent unless said so.
	 * @param path the API path
	 * @return a builder
	 */
	public static Builder patch(String path) {
		return new Builder(HttpMethod.PATCH, path);
	}

	/**
	 * A DELETE of {@code path}; not idempotent unless said so.
	 * @param path the API path
	 * @return a builder
	 */
	public static Builder delete(String path) {
		return new Builder(HttpMethod.DELETE, path);
	}

	/**
	 * A request with any HTTP method; only GET and HEAD count as idempotent unless said so.
	 * @param method the HTTP method
	 * @param path the API path
	 * @return a builder
	 */
	public static Builder method(HttpMethod method, String path) {
		Assert.notNull(method, "'method' must not be null");
		return new Builder(method, path).idempotent(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method));
	}

	public HttpMethod method() {
		return this.method;
	}

	public String path() {
		return this.path;
	}

	/**
	 * The base URL of the API family, when the request names one.
	 * @return the base URL, or {@code null} for the client's
	 */
	public @Nullable URI baseUrl() {
		return this.baseUrl;
	}

	public Map<String, Object> query() {
		return this.query;
	}

	/**
	 * The extra headers, read-only.
	 * @return the headers, possibly empty
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	public @Nullable Object body() {
		return this.body;
	}

	public boolean idempotent() {
		return this.idempotent;
	}

	public boolean authenticated() {
		return this.authenticated;
	}

	boolean multipart() {
		return this.body instanceof MultiValueMap;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

	/**
	 * Builds a {@link DingTalkRequest}.
	 */
	public static final class Builder {

		private final HttpMethod method;

		private final String path;

		private @Nullable URI baseUrl;

		private final Map<String, Object> query = new LinkedHashMap<>();

		private final HttpHeaders headers = new HttpHeaders();

		private @Nullable Object body;

		private boolean idempotent;

		private boolean authenticated = true;

		private Builder(HttpMethod method, String path) {
			Assert.hasText(path, "'path' must not be empty");
			Assert.isTrue(path.startsWith("/") && path.indexOf('?') < 0, "'path' must start with '/' and hold no query");
			this.method = method;
			this.path = path;
		}

		/**
		 * Send the request to another API family than the client's, e.g.
		 * {@code https://api.dingtalk.com}.
		 * @param baseUrl an absolute http(s) URL without query
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			Assert.isTrue(baseUrl.isAbsolute() && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
					&& baseUrl.getRawQuery() == null, "'baseUrl' must be an absolute http(s) URL without query");
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Add a query parameter (never a secret: query parameters appear in logs).
		 * @param name the name
		 * @param value the value; {@code null} leaves it out
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			if (value != null) {
				this.query.put(name, value);
			}
			return this;
		}

		/**
		 * Add a header (never a secret: the application's interceptors see headers).
		 * {@code Content-Type} and {@code Accept} default to JSON and may be set here.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "'name' must not be empty");
			Assert.notNull(value, "'value' must not be null");
			this.headers.add(name, value);
			return this;
		}

		/**
		 * Set the body: an object written as JSON, or a {@code MultiValueMap} sent as multipart.
		 * @param body the body
		 * @return this builder
		 */
		public Builder body(@Nullable Object body) {
			this.body = body;
			return this;
		}

		/**
		 * Say whether repeating the call is harmless (a read).
		 * @param idempotent whether the call is idempotent
		 * @return this builder
		 */
		public Builder idempotent(boolean idempotent) {
			this.idempotent = idempotent;
			return this;
		}

		/**
		 * Say whether the call carries the access token (all but {@code /gettoken} do).
		 * @param authenticated whether to add the access token
		 * @return this builder
		 */
		public Builder authenticated(boolean authenticated) {
			this.authenticated = authenticated;
			return this;
		}

		public DingTalkRequest build() {
			return new DingTalkRequest(this);
		}

	}

}
