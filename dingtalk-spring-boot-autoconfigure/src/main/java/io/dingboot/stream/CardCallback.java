package io.dingboot.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An interactive-card callback: a user pressed a button or submitted a form on a card.
 *
 * @param appName the name of the app whose card it is
 * @param type the callback type, e.g. {@code actionCallback}
 * @param outTrackId the card instance's outTrackId
 * @param corpId the CorpId
 * @param userId the userid of the user who acted
 * @param content the callback's {@code content}, parsed (it arrives as a JSON string), e.g.
 * {@code {"cardPrivateData":{"actionIds":["1"],"params":{"action":"accept"}}}}
 * @param payload the callback JSON as DingTalk sent it
 */
public record CardCallback(String appName, @Nullable String type, @Nullable String outTrackId,
		@Nullable String corpId, @Nullable String userId, JsonNode content, JsonNode payload) {

	/**
	 * The action's parameters, {@code content.cardPrivateData.params}, as text.
	 * @return the parameters, never {@code null}
	 */
	public Map<String, String> params() {
		JsonNode params = this.content.path("cardPrivateData").path("params");
		if (!params.isObject()) {
			return Map.of();
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : params.properties()) {
			JsonNode value = entry.getValue();
			values.put(entry.getKey(), value.isString() ? value.stringValue() : value.toString());
		}
		return Collections.unmodifiableMap(values);
	}

	@Override
	public String toString() {
		return "CardCallback{appName=" + this.appName + ", type=" + this.type + ", outTrackId=" + this.outTrackId
				+ "}";
	}

}
