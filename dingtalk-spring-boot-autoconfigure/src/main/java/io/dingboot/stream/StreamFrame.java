package io.dingboot.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One downstream frame: {@code {"specVersion","type","headers":{...},"data":"<JSON string>"}}.
 * Header values are strings; {@code data} is kept as the string it arrived as.
 *
 * @param type {@code SYSTEM}, {@code EVENT} or {@code CALLBACK}
 * @param headers the headers
 * @param data the payload, a JSON string
 */
record StreamFrame(String type, Map<String, String> headers, String data) {

	static final String SYSTEM = "SYSTEM";

	static final String EVENT = "EVENT";

	static final String CALLBACK = "CALLBACK";

	@Nullable String topic() {
		return this.headers.get("topic");
	}

	String messageId() {
		return this.headers.get("messageId");
	}

	/**
	 * Parse a frame.
	 * @throws IllegalArgumentException when the text is not a frame (not JSON, no type, no
	 * messageId); the message never contains the text
	 */
	static StreamFrame parse(String text) {
		// read as a stream rather than into a tree: one is parsed for every frame
		String type = null;
		Map<String, String> headers = null;
		Map<String, String> header = null;
		boolean hasHeaders = false;
		String data = "";
		try (JsonParser parser = StreamJson.MAPPER.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return parseTree(text);
			}
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "type" -> type = scalar(parser, token);
					case "headers" -> {
						hasHeaders = true;
						headers = headers(parser, token);
					}
					case "header" -> header = headers(parser, token);
					case "data" -> data = data(parser, token);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new IllegalArgumentException("not JSON");
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON");
		}
		if (type == null || type.isEmpty()) {
			throw new IllegalArgumentException("no type");
		}
		Map<String, String> found = hasHeaders ? headers : header;
		if (found == null) {
			found = new LinkedHashMap<>();
		}
		if (found.get("messageId") == null || found.get("messageId").isEmpty()) {
			throw new IllegalArgumentException("no messageId");
		}
		return new StreamFrame(type, found, data);
	}

	/**
	 * A value as {@link StreamJson#text} reads it from a tree: strings as they are, other scalars
	 * as their JSON, {@code null} for null and containers.
	 */
	private static @Nullable String scalar(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token.isStructStart()) {
			parser.skipChildren();
			return null;
		}
		return parser.readValueAsTree().toString();
	}

	private static @Nullable Map<String, String> headers(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return null;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			String value = scalar(parser, parser.nextToken());
			if (value != null) {
				headers.put(name, value);
			}
			else {
				headers.remove(name);
			}
		}
		return headers;
	}

	private static String data(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return "";
		}
		return parser.readValueAsTree().toString();
	}

	/**
	 * Frames that are not a JSON object, read as a tree to tell "not JSON" from "not an object".
	 */
	private static StreamFrame parseTree(String text) {
		JsonNode root;
		try {
			root = StreamJson.MAPPER.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not JSON");
		}
		throw new IllegalArgumentException((root != null && root.isObject()) ? "not JSON" : "not a JSON object");
	}

	/**
	 * The response frame {@code {"code","headers":{"contentType","messageId"},"message","data"}}.
	 * @param code 200, 400, 404 or 500
	 * @param message {@code OK} or a short reason
	 * @param data the data, a JSON string; {@code null} leaves it out (error responses)
	 */
	String response(int code, String message, @Nullable String data) {
		// written directly rather than through a tree: one is sent for every frame
		StringBuilder json = new StringBuilder(96 + message.length() + ((data != null) ? data.length() + 16 : 0));
		json.append("{\"code\":").append(code).append(",\"headers\":{\"contentType\":\"application/json\",\"messageId\":");
		StreamJson.appendString(json, messageId());
		json.append("},\"message\":");
		StreamJson.appendString(json, message);
		if (data != null) {
			json.append(",\"data\":");
			StreamJson.appendString(json, data);
		}
		return json.append('}').toString();
	}

	@Override
	public String toString() {
		return "StreamFrame{type=" + this.type + ", topic=" + topic() + ", messageId=" + messageId() + "}";
	}

}
