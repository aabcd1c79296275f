package io.dingboot.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reading of DingTalk's event JSON, whose keys come in more than one spelling
 * ({@code userId}/{@code UserId}, {@code EventTime}/{@code TimeStamp}).
 */
final class CallbackJson {

	/** Below this a timestamp is taken as seconds, from it on as milliseconds (year 5138 vs 1973). */
	static final long MILLIS_THRESHOLD = 100_000_000_000L;

	private CallbackJson() {
	}

	/**
	 * The first field named one of {@code names}, an exact match first, then ignoring case.
	 */
	static @Nullable JsonNode field(@Nullable JsonNode object, String... names) {
		if (object == null || !object.isObject()) {
			return null;
		}
		for (String name : names) {
			JsonNode value = object.get(name);
			if (value != null && !value.isNull()) {
				return value;
			}
		}
		for (String name : names) {
			for (Map.Entry<String, JsonNode> entry : object.properties()) {
				if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isNull()) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
			return null;
		}
		String text = node.isString() ? node.stringValue() : node.toString();
		return text.isEmpty() ? null : text;
	}

	static @Nullable Long number(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString()) {
			return parseLong(node.stringValue().trim());
		}
		return null;
	}

	static @Nullable Instant time(@Nullable JsonNode node) {
		Long value = number(node);
		if (value == null || value < 0) {
			return null;
		}
		return (value < MILLIS_THRESHOLD) ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
	}

	static List<String> strings(@Nullable JsonNode node) {
		if (node == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode element : node) {
				String text = text(element);
				if (text != null) {
					values.add(text);
				}
			}
		}
		else {
			String text = text(node);
			if (text != null) {
				values.add(text);
			}
		}
		return Collections.unmodifiableList(values);
	}

	static List<Long> numbers(@Nullable JsonNode node) {
		List<Long> values = new ArrayList<>();
		for (String text : strings(node)) {
			Long value = parseLong(text);
			if (value != null) {
				values.add(value);
			}
		}
		return Collections.unmodifiableList(values);
	}

	static @Nullable Long parseLong(String text) {
		if (text.isEmpty() || text.length() > 19) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
