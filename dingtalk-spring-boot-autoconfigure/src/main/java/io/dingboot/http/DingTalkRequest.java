package io.dingboot.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * One call to DingTalk's legacy server API: method, path, query parameters and body.
 * {@code idempotent} says whether the call may be repeated when its answer was lost (a read); a
 * call that may already have taken effect (a send) is not retried after a timeout.
 */
public final class DingTalkRequest {

	private final HttpMethod method;

	private final String path;

	private final Map<String, Object> query;

	private final @Nullable Object body;

	private final boolean idempotent;

	private final boolean authenticated;

	private DingTalkRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
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

	public HttpMethod method() {
		return this.method;
	}

	public String path() {
		return this.path;
	}

	public Map<String, Object> query() {
		return this.query;
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

		private final Map<String, Object> query = new LinkedHashMap<>();

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
