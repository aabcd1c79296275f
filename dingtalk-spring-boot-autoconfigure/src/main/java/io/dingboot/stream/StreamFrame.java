package io.dingboot.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
		JsonNode root;
		try {
			root = StreamJson.MAPPER.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		String type = StreamJson.text(root, "type");
		if (type == null) {
			throw new IllegalArgumentException("no type");
		}
		JsonNode headerNode = root.get("headers");
		if (headerNode == null) {
			headerNode = root.get("header");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		if (headerNode != null && headerNode.isObject()) {
			for (Map.Entry<String, JsonNode> entry : headerNode.properties()) {
				JsonNode value = entry.getValue();
				if (value != null && !value.isNull() && !value.isContainer()) {
					headers.put(entry.getKey(), value.isString() ? value.stringValue() : value.toString());
				}
			}
		}
		if (headers.get("messageId") == null || headers.get("messageId").isEmpty()) {
			throw new IllegalArgumentException("no messageId");
		}
		JsonNode dataNode = root.get("data");
		String data;
		if (dataNode == null || dataNode.isNull()) {
			data = "";
		}
		else {
			data = dataNode.isString() ? dataNode.stringValue() : dataNode.toString();
		}
		return new StreamFrame(type, headers, data);
	}

	/**
	 * The response frame {@code {"code","headers":{"contentType","messageId"},"message","data"}}.
	 * @param code 200, 400, 404 or 500
	 * @param message {@code OK} or a short reason
	 * @param data the data, a JSON string; {@code null} leaves it out (error responses)
	 */
	String response(int code, String message, @Nullable String data) {
		ObjectNode response = StreamJson.MAPPER.createObjectNode();
		response.put("code", code);
		ObjectNode headers = response.putObject("headers");
		headers.put("contentType", "application/json");
		headers.put("messageId", messageId());
		response.put("message", message);
		if (data != null) {
			response.put("data", data);
		}
		return StreamJson.MAPPER.writeValueAsString(response);
	}

	@Override
	public String toString() {
		return "StreamFrame{type=" + this.type + ", topic=" + topic() + ", messageId=" + messageId() + "}";
	}

}
