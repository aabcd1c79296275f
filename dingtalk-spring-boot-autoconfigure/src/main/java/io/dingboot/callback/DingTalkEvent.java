package io.dingboot.callback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * A verified, decrypted DingTalk event (回调), published as a Spring application event. Listen to
 * every event with {@code @EventListener(DingTalkEvent.class)}, to one kind with its typed
 * subclass (such as {@link UserAddOrgEvent} or {@link UserEvent}), or filter by type:
 * <pre class="code">
 * &#64;EventListener(condition = "#event.eventType == 'bpms_instance_change'")
 * void onApproval(DingTalkEvent event) { ... }
 * </pre>
 * DingTalk waits at most 1.5 s for the answer: put slow work in an {@code @Async} listener. A
 * listener that throws makes DingTalk push the event again.
 */
public class DingTalkEvent extends ApplicationEvent {

	private final String eventType;

	private final @Nullable String corpId;

	private final @Nullable String eventId;

	private final @Nullable Instant eventTime;

	private final JsonNode payload;

	private final @Nullable String ownerKey;

	/**
	 * Create an event from its decrypted JSON.
	 * @param source the object that published the event
	 * @param payload the decrypted JSON object, with an {@code EventType}
	 * @param ownerKey the owner key the push was encrypted for, if known
	 */
	public DingTalkEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source);
		Assert.isTrue(payload != null && payload.isObject(), "'payload' must be a JSON object");
		String type = CallbackJson.text(CallbackJson.field(payload, "EventType"));
		Assert.hasText(type, "'payload' must have an EventType");
		this.eventType = type;
		this.corpId = CallbackJson.text(CallbackJson.field(payload, "CorpId", "corp_id"));
		this.eventId = CallbackJson.text(CallbackJson.field(payload, "eventId", "event_id"));
		this.eventTime = CallbackJson.time(CallbackJson.field(payload, "EventTime", "TimeStamp", "event_time"));
		this.payload = payload;
		this.ownerKey = ownerKey;
	}

	/**
	 * DingTalk's event type ({@code EventType}), e.g. {@code user_add_org}.
	 * @return the event type
	 */
	public String getEventType() {
		return this.eventType;
	}

	/**
	 * The organisation's CorpId ({@code CorpId}).
	 * @return the corp id, or {@code null} when the event has none
	 */
	public @Nullable String getCorpId() {
		return this.corpId;
	}

	/**
	 * DingTalk's id of the event ({@code eventId}); the same on every re-push.
	 * @return the event id, or {@code null} for older payloads without one
	 */
	public @Nullable String getEventId() {
		return this.eventId;
	}

	/**
	 * When the event happened ({@code EventTime}, or {@code TimeStamp} in older payloads; seconds
	 * and milliseconds are both understood).
	 * @return the event time, or {@code null} when the event has none
	 */
	public @Nullable Instant getEventTime() {
		return this.eventTime;
	}

	/**
	 * The decrypted JSON, as DingTalk sent it.
	 * @return the payload
	 */
	public JsonNode getPayload() {
		return this.payload;
	}

	/**
	 * The owner key (appKey, corpId or suiteKey) the push was encrypted for.
	 * @return the owner key, or {@code null} when not known (a replay)
	 */
	public @Nullable String getOwnerKey() {
		return this.ownerKey;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{eventType=" + this.eventType + ", corpId=" + this.corpId + ", eventId="
				+ this.eventId + ", eventTime=" + this.eventTime + "}";
	}

}
