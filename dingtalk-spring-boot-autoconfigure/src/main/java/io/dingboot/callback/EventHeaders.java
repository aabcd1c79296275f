package io.dingboot.callback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * What is known of a {@link DingTalkEvent} besides its payload: the app it came to, its type and
 * id, the organisation and the time. An HTTP push carries these in its decrypted JSON
 * ({@link #of(String, JsonNode, String)}); another transport, such as Stream mode, carries them
 * apart from a camelCase payload and builds them itself.
 *
 * @param appName the name of the app the event came to: {@code default} for the top-level
 * {@code dingtalk.*} app, otherwise the {@code <name>} of {@code dingtalk.apps.<name>}
 * @param eventType DingTalk's event type, e.g. {@code user_add_org}
 * @param eventId DingTalk's id of the event, the same on every re-push, or {@code null}
 * @param corpId the organisation's CorpId, or {@code null}
 * @param eventTime when the event happened, or {@code null}
 * @param ownerKey the owner key the push was encrypted for, or {@code null} when not known
 */
public record EventHeaders(String appName, String eventType, @Nullable String eventId, @Nullable String corpId,
		@Nullable Instant eventTime, @Nullable String ownerKey) {

	public EventHeaders {
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.hasText(eventType, "'eventType' must not be empty");
	}

	/**
	 * Read the headers of an event from its JSON: {@code EventType}, {@code eventId},
	 * {@code CorpId} and {@code EventTime} (or {@code TimeStamp}), each in any spelling DingTalk
	 * uses.
	 * @param appName the name of the app the event came to
	 * @param payload the event JSON, an object with an {@code EventType}
	 * @param ownerKey the owner key the push was encrypted for, if known
	 * @return the headers
	 * @throws IllegalArgumentException when the payload is not an object with an event type
	 */
	public static EventHeaders of(String appName, JsonNode payload, @Nullable String ownerKey) {
		Assert.isTrue(payload != null && payload.isObject(), "'payload' must be a JSON object");
		String type = CallbackEvents.eventType(payload);
		Assert.hasText(type, "'payload' must have an EventType");
		return new EventHeaders(appName, type, CallbackJson.text(CallbackJson.field(payload, "eventId", "event_id")),
				corpId(payload), time(payload), ownerKey);
	}

	static EventHeaders of(String appName, String eventType, @Nullable String eventId, JsonNode payload) {
		return new EventHeaders(appName, eventType, eventId, corpId(payload), time(payload), null);
	}

	private static @Nullable String corpId(JsonNode payload) {
		return CallbackJson.text(CallbackJson.field(payload, "CorpId", "corp_id", "eventCorpId"));
	}

	private static @Nullable Instant time(JsonNode payload) {
		return CallbackJson.time(CallbackJson.field(payload, "EventTime", "TimeStamp", "event_time", "eventBornTime"));
	}

}
