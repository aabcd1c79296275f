package io.dingboot.card;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.http.DingTalkJson;
import org.jspecify.annotations.Nullable;

/**
 * DingTalk takes {@code cardParamMap} values as strings only: a string stays as it is, anything
 * else is written as JSON ({@code 1}, {@code true}, {@code ["a"]}), {@code null} as {@code ""}.
 */
final class CardParams {

	private CardParams() {
	}

	static Map<String, String> strings(@Nullable Map<String, ?> values) {
		Map<String, String> params = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((key, value) -> params.put(key, string(value)));
		}
		return params;
	}

	static String string(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		return DingTalkJson.mapper().writeValueAsString(value);
	}

}
