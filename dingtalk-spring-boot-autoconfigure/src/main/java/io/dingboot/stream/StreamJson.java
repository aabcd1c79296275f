package io.dingboot.stream;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the Stream protocol and lenient reading of its payloads (numbers that come
 * as strings, fields that may be missing).
 */
final class StreamJson {

	/**
	 * Frames are parsed on the reading thread and payloads on the handler threads, one parser each
	 * per frame. Those are DingBoot's own platform threads, so each keeps its parser buffers in a
	 * thread local instead of taking and returning them through Jackson's default shared queue,
	 * which held 3.4% of a saturated client's profile (1.2% with thread locals).
	 */
	static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StreamJson() {
	}

	static @Nullable String text(@Nullable JsonNode object, String name) {
		if (object == null || !object.isObject()) {
			return null;
		}
		JsonNode value = object.get(name);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.isString() ? value.stringValue() : value.toString();
		return text.isEmpty() ? null : text;
	}

	static boolean bool(@Nullable JsonNode object, String name) {
		String text = text(object, name);
		return "true".equalsIgnoreCase(text);
	}

	static @Nullable Instant millis(@Nullable JsonNode object, String name) {
		String text = text(object, name);
		if (text == null) {
			return null;
		}
		try {
			return Instant.ofEpochMilli(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Append a JSON string literal exactly as {@link #MAPPER} writes it: printable ASCII without
	 * {@code /} is quoted here, with quotes and backslashes escaped; anything else (control
	 * characters, {@code /}, non-ASCII) is left to the mapper.
	 */
	static void appendString(StringBuilder json, String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '/') {
				json.append(MAPPER.writeValueAsString(value));
				return;
			}
		}
		json.append('"');
		int from = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				json.append(value, from, i).append('\\').append(c);
				from = i + 1;
			}
		}
		json.append(value, from, length).append('"');
	}

	/**
	 * A field that holds an object, or a JSON string of one (as {@code content} of card callbacks).
	 */
	static @Nullable JsonNode object(@Nullable JsonNode object, String name) {
		if (object == null || !object.isObject()) {
			return null;
		}
		JsonNode value = object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isObject()) {
			return value;
		}
		if (value.isString()) {
			try {
				JsonNode parsed = MAPPER.readTree(value.stringValue());
				return (parsed != null && parsed.isObject()) ? parsed : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

}
