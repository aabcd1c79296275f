package io.dingboot.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request to the fake, its parameters merged from the query string and a JSON or form body
 * (the body wins), as DingTalk reads them.
 */
final class FakeCall {

	static final JsonMapper json = JsonMapper.builder().build();

	private final Request request;

	private final String path;

	private final Map<String, String> query;

	private final ObjectNode params;

	private final boolean bodyValid;

	private FakeCall(Request request, String path, Map<String, String> query, ObjectNode params, boolean bodyValid) {
		this.request = request;
		this.path = path;
		this.query = query;
		this.params = params;
		this.bodyValid = bodyValid;
	}

	static FakeCall of(Request request) {
		String url = request.getUrl();
		int mark = url.indexOf('?');
		String path = (mark < 0) ? url : url.substring(0, mark);
		Map<String, String> query = decodeForm((mark < 0) ? null : url.substring(mark + 1));
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		query.forEach(params::put);
		boolean bodyValid = true;
		String contentType = String.valueOf(request.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
		byte[] body = request.getBody();
		if (!request.isMultipart() && body != null && body.length > 0) {
			if (contentType.contains("application/x-www-form-urlencoded")) {
				decodeForm(new String(body, StandardCharsets.UTF_8)).forEach(params::put);
			}
			else {
				try {
					JsonNode node = json.readTree(body);
					if (node.isObject()) {
						params.setAll((ObjectNode) node);
					}
					else {
						bodyValid = false;
					}
				}
				catch (JacksonException ex) {
					bodyValid = false;
				}
			}
		}
		return new FakeCall(request, path, query, params, bodyValid);
	}

	private static Map<String, String> decodeForm(String form) {
		Map<String, String> values = new LinkedHashMap<>();
		if (form == null || form.isEmpty()) {
			return values;
		}
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	Request request() {
		return this.request;
	}

	String path() {
		return this.path;
	}

	boolean isTopapi() {
		return this.path.startsWith("/topapi/");
	}

	/**
	 * Whether the path belongs to the new API family ({@code /v1.0/...}, {@code /v2.0/...}), which
	 * takes the token in a header and answers errors with an HTTP status.
	 * @return whether it is a new-family path
	 */
	boolean isNewFamily() {
		return isNewFamily(this.path);
	}

	static boolean isNewFamily(String path) {
		return path.startsWith("/v1.0/") || path.startsWith("/v2.0/");
	}

	String method() {
		return this.request.getMethod().getName();
	}

	/**
	 * A request header.
	 * @param name the name
	 * @return the first value, or {@code null}
	 */
	@Nullable String header(String name) {
		String value = this.request.getHeader(name);
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	Map<String, String> queryParameters() {
		return this.query;
	}

	boolean bodyValid() {
		return this.bodyValid;
	}

	/**
	 * A parameter from the query string only.
	 * @param name the name
	 * @return the value, or {@code null}
	 */
	@Nullable String query(String name) {
		return this.query.get(name);
	}

	/**
	 * A parameter as text.
	 * @param name the name
	 * @return the value, or {@code null} when absent or blank
	 */
	@Nullable String text(String name) {
		JsonNode value = this.params.get(name);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString().trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A raw parameter node.
	 * @param name the name
	 * @return the node, or {@code null}
	 */
	@Nullable JsonNode node(String name) {
		JsonNode value = this.params.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	/**
	 * A numeric parameter, from a JSON number or a numeric string.
	 * @param name the name
	 * @return the value, or {@code null} when absent
	 * @throws NumberFormatException when present but not a whole number
	 */
	@Nullable Long number(String name) {
		String text = text(name);
		return (text != null) ? Long.valueOf(text) : null;
	}

	/**
	 * A boolean parameter.
	 * @param name the name
	 * @return whether it is {@code true}
	 */
	boolean flag(String name) {
		return "true".equalsIgnoreCase(text(name));
	}

}
