package io.dingboot.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads DingTalk's answers in the conventions of one {@link ApiFamily}: checks the errcode (also
 * {@code 88} with a {@code sub_code}), turns v1.0 errors (<code>{"code","message","requestid"}</code>
 * with an HTTP error status), other HTTP errors, non-JSON bodies and IP-ban pages into
 * {@link DingTalkApiException}s, and maps the answer or one of its fields.
 */
final class DingTalkAnswers {

	private final JsonMapper mapper;

	private final boolean v1;

	private final Map<Class<?>, ObjectReader> fieldReaders = new ConcurrentHashMap<>();

	DingTalkAnswers(ApiFamily family) {
		this.mapper = family.mapper();
		this.v1 = family == ApiFamily.V1;
	}

	private ObjectReader fieldReader(Class<?> type) {
		return this.fieldReaders.computeIfAbsent(type,
				(key) -> this.mapper.readerFor(key).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
	}

	/**
	 * Read one field of a successful answer straight from the bytes; anything else (an error, a
	 * body that is not a JSON object, an HTTP error) goes through {@link #parse} for its exception.
	 */
	<T> T readField(String path, @Nullable Answer answer, String field, Class<T> type) {
		if (answer == null || answer.status >= 400 || answer.body.length == 0 || answer.body[0] != '{') {
			JsonNode node = parse(path, answer);
			if (this.v1) {
				return fieldOf(path, answer.status, node, field, type);
			}
		}
		try (JsonParser parser = this.mapper.createParser(answer.body)) {
			parser.nextToken();
			T value = null;
			boolean found = false;
			// a v1.0 success has no errcode; one that has one is an error answered with HTTP 200
			boolean ok = this.v1 && answer.status < 300;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if (name.equals(field)) {
					found = token != JsonToken.VALUE_NULL;
					value = found ? fieldReader(type).readValue(parser) : null;
				}
				else if (name.equals("errcode")) {
					ok = token == JsonToken.VALUE_NUMBER_INT && parser.getValueAsInt() == 0;
					if (!ok) {
						break;
					}
				}
				else if (name.equals("punish")) {
					break;
				}
				else {
					parser.skipChildren();
				}
			}
			if (!ok || parser.currentToken() != JsonToken.END_OBJECT) {
				parse(path, answer);
			}
			if (!found) {
				throw DingTalkApiException.invalidResponse(path, answer.status,
						"DingTalk " + path + " answered without '" + field + "'");
			}
			return value;
		}
		catch (JacksonException ex) {
			parse(path, answer);
			throw DingTalkApiException.invalidResponse(path, answer.status,
					"DingTalk " + path + " answered with fields DingBoot cannot map to " + type.getSimpleName());
		}
	}

	private <T> T fieldOf(String path, int status, JsonNode node, String field, Class<T> type) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw DingTalkApiException.invalidResponse(path, status, "DingTalk " + path + " answered without '" + field + "'");
		}
		try {
			return this.mapper.treeToValue(value, type);
		}
		catch (JacksonException ex) {
			throw DingTalkApiException.invalidResponse(path, status,
					"DingTalk " + path + " answered with fields DingBoot cannot map to " + type.getSimpleName());
		}
	}

	JsonNode parse(String path, @Nullable Answer answer) {
		if (this.v1 && answer != null && answer.status < 300 && isBlank(answer.body)) {
			// some v1.0 writes answer 200 or 204 without a body
			return this.mapper.createObjectNode();
		}
		if (answer == null || answer.body.length == 0) {
			int status = (answer != null) ? answer.status : 0;
			String message = "DingTalk " + path + " answered HTTP " + status + " with an empty body";
			throw (status >= 400) ? DingTalkApiException.httpError(path, status, null, message)
					: DingTalkApiException.invalidResponse(path, status, message);
		}
		JsonNode node = readJson(answer.body);
		if (this.v1 && node != null && !node.isObject() && answer.status < 300) {
			// a v1.0 answer may be a JSON array or value
			return node;
		}
		if (node == null || !node.isObject()) {
			String message = "DingTalk " + path + " answered HTTP " + answer.status + " with a body that is not JSON";
			throw (answer.status >= 400) ? DingTalkApiException.httpError(path, answer.status, null, message)
					: DingTalkApiException.ipBanned(path, answer.status, message
							+ " (an IP ban page? DingTalk bans an egress IP for 5 minutes after 10,000 calls in 20 s)");
		}
		if (node.has("punish") || node.path("status").asInt(0) == 1111) {
			throw DingTalkApiException.ipBanned(path, answer.status,
					"DingTalk " + path + " refused the call: this server's egress IP is banned for a while"
							+ " (over 10,000 calls in 20 s); back off");
		}
		JsonNode errcode = node.get("errcode");
		if (errcode != null && errcode.asInt(-1) == 0 && answer.status < 400) {
			return node;
		}
		if (errcode == null && answer.status < 400) {
			return node;
		}
		DingTalkError error = new DingTalkError((errcode != null) ? errcode.asInt(-1) : 0, text(node, "errmsg", "message"),
				text(node, "sub_code", "code"), text(node, "sub_msg", null), text(node, "request_id", "requestid"));
		String message = ErrorMessages.describe(path, answer.status, error, requiredScopes(node));
		throw (errcode != null) ? DingTalkApiException.ofAnswer(path, error, answer.status, message)
				: DingTalkApiException.httpError(path, answer.status, error, message);
	}

	/**
	 * The permissions a v1.0 {@code Forbidden.AccessDenied.AccessTokenPermissionDenied} answer names,
	 * in {@code accessdenieddetail.requiredScopes} (key case varies between sources).
	 */
	private static List<String> requiredScopes(JsonNode node) {
		JsonNode detail = field(node, "accessdenieddetail");
		JsonNode scopes = (detail != null) ? field(detail, "requiredScopes") : field(node, "requiredScopes");
		if (scopes == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		if (scopes.isArray()) {
			scopes.forEach((scope) -> {
				if (scope.isString() && !scope.asString().isBlank()) {
					names.add(scope.asString());
				}
			});
		}
		else if (scopes.isString() && !scopes.asString().isBlank()) {
			names.add(scopes.asString());
		}
		return names;
	}

	private static @Nullable JsonNode field(JsonNode node, String name) {
		if (!node.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	private @Nullable JsonNode readJson(byte[] body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String name, @Nullable String fallback) {
		JsonNode value = node.get(name);
		if ((value == null || value.isNull()) && fallback != null) {
			value = node.get(fallback);
		}
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * An HTTP answer: its status and whole body.
	 *
	 * @param status the HTTP status
	 * @param body the body, possibly empty
	 */
	record Answer(int status, byte[] body) {
	}

}
