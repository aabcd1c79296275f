package io.dingboot.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * One call to DingTalk: method (any of GET, POST, PUT, DELETE, PATCH), path, query parameters,
 * extra headers and body, and optionally the base URL of the API family it belongs to (by default
 * the client's: {@code dingtalk.base-url} for the legacy server API, {@code dingtalk.api-base-url}
 * for the v1.0 family). {@code idempotent} says whether the call may be repeated when its answer
 * was lost (a read); a call that may already have taken effect (a send) is not retried after a
 * timeout.
 * <p>
 * The path may be a URI template with variables such as {@code /v1.0/contact/users/{userId}},
 * given in order to the factory method or by name with {@link Builder#pathVariable}:
 * <pre class="code">
 * DingTalkRequest.get("/v1.0/contact/users/{userId}", userId).build();
 * DingTalkRequest.put("/v1.0/todo/users/{unionId}/tasks/{taskId}").pathVariable("unionId", unionId)
 *     .pathVariable("taskId", taskId).body(changes).build();
 * </pre>
 * Each value is percent-encoded as one path segment ({@code /}, {@code ?}, {@code #} and
 * {@code %} included), so a value never changes the path's shape; logging, observation and
 * {@link io.dingboot.DingTalkApiException#getApiPath()} see the template, never the values.
 * <p>
 * Neither query parameters nor headers may carry a secret: both are visible to logging,
 * observation and the application's interceptors. The access token is added by the
 * {@link DingTalkClient}, at the place its {@link TokenPlacement} says, after all of those.
 */
public final class DingTalkRequest {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]*)}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

	private final HttpMethod method;

	private final String path;

	private final @Nullable URI baseUrl;

	private final Map<String, Object> pathVariables;

	private final Map<String, Object> query;

	private final HttpHeaders headers;

	private final @Nullable Object body;

	private final boolean idempotent;

	private final boolean authenticated;

	private DingTalkRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.baseUrl = builder.baseUrl;
		this.pathVariables = builder.checkedPathVariables();
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
	 * A GET of {@code path}; GETs are idempotent. The path is a URI template whose variables take {@code pathVariables} in order.
	 * @param path the API path template, e.g. {@code /v1.0/contact/users/{userId}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 */
	public static Builder get(String path, Object... pathVariables) {
		return new Builder(HttpMethod.GET, path).idempotent(true).pathVariables(pathVariables);
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
	 * A POST of {@code path}; not idempotent unless said so. The path is a URI template whose variables take {@code pathVariables} in order.
	 * @param path the API path template, e.g. {@code /v1.0/contact/users/{userId}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 */
	public static Builder post(String path, Object... pathVariables) {
		return new Builder(HttpMethod.POST, path).pathVariables(pathVariables);
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
	 * A PUT of {@code path}; not idempotent unless said so. The path is a URI template whose variables take {@code pathVariables} in order.
	 * @param path the API path template, e.g. {@code /v1.0/contact/users/{userId}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 */
	public static Builder put(String path, Object... pathVariables) {
		return new Builder(HttpMethod.PUT, path).pathVariables(pathVariables);
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
	 * A PATCH of {@code path}; not idempotent unless said so. The path is a URI template whose variables take {@code pathVariables} in order.
	 * @param path the API path template, e.g. {@code /v1.0/contact/users/{userId}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 */
	public static Builder patch(String path, Object... pathVariables) {
		return new Builder(HttpMethod.PATCH, path).pathVariables(pathVariables);
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
	 * A DELETE of {@code path}; not idempotent unless said so. The path is a URI template whose variables take {@code pathVariables} in order.
	 * @param path the API path template, e.g. {@code /v1.0/contact/users/{userId}}
	 * @param pathVariables the values of the path's variables, in order
	 * @return a builder
	 */
	public static Builder delete(String path, Object... pathVariables) {
		return new Builder(HttpMethod.DELETE, path).pathVariables(pathVariables);
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

	/**
	 * The path as given: a template when it has variables, never with their values.
	 * @return the API path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The values of the path's variables, by name.
	 * @return the path variables, possibly empty
	 */
	public Map<String, Object> pathVariables() {
		return this.pathVariables;
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

	/**
	 * This request sent to {@code baseUrl}.
	 * @param baseUrl the base URL
	 * @return a copy with that base URL
	 */
	DingTalkRequest withBaseUrl(URI baseUrl) {
		Builder builder = new Builder(this.method, this.path).baseUrl(baseUrl)
			.body(this.body)
			.idempotent(this.idempotent)
			.authenticated(this.authenticated);
		builder.pathVariables.putAll(this.pathVariables);
		builder.query.putAll(this.query);
		builder.headers.putAll(this.headers);
		return builder.build();
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

		private final List<String> variableNames;

		private final Map<String, Object> pathVariables = new LinkedHashMap<>();

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
			this.variableNames = variableNames(path);
		}

		private static List<String> variableNames(String path) {
			if (path.indexOf('{') < 0 && path.indexOf('}') < 0) {
				return List.of();
			}
			List<String> names = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(path);
			StringBuilder rest = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				Assert.isTrue(VARIABLE_NAME.matcher(name).matches(),
						() -> "'path' has a variable '{" + name + "}' whose name is not letters, digits, '_', '.' or '-'");
				Assert.isTrue(!names.contains(name), () -> "'path' names the variable '" + name + "' twice");
				names.add(name);
				matcher.appendReplacement(rest, "");
			}
			matcher.appendTail(rest);
			Assert.isTrue(rest.indexOf("{") < 0 && rest.indexOf("}") < 0,
					"'path' has a '{' or '}' that is not part of a variable such as {userId}");
			return List.copyOf(names);
		}

		private Builder pathVariables(Object... values) {
			Assert.notNull(values, "'pathVariables' must not be null");
			Assert.isTrue(values.length == this.variableNames.size(), () -> "'" + this.path + "' has "
					+ this.variableNames.size() + " path variable(s) but " + values.length + " value(s) were given");
			for (int i = 0; i < values.length; i++) {
				pathVariable(this.variableNames.get(i), values[i]);
			}
			return this;
		}

		/**
		 * Set the value of one of the path's variables, e.g. {@code userId} of
		 * {@code /v1.0/contact/users/{userId}}. It is sent percent-encoded as one path segment.
		 * @param name the variable's name
		 * @param value the value, its {@code toString()} sent; not empty
		 * @return this builder
		 */
		public Builder pathVariable(String name, Object value) {
			Assert.isTrue(this.variableNames.contains(name),
					() -> "'" + this.path + "' has no path variable '" + name + "'");
			Assert.notNull(value, () -> "the path variable '" + name + "' must not be null");
			Assert.hasLength(value.toString(), () -> "the path variable '" + name + "' must not be empty");
			this.pathVariables.put(name, value);
			return this;
		}

		private Map<String, Object> checkedPathVariables() {
			if (this.variableNames.isEmpty()) {
				return Map.of();
			}
			for (String name : this.variableNames) {
				Assert.state(this.pathVariables.containsKey(name),
						() -> "'" + this.path + "' needs a value for its path variable '" + name + "'");
			}
			return Collections.unmodifiableMap(new LinkedHashMap<>(this.pathVariables));
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
