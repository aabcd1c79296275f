package io.dingboot.callback;

import java.time.Instant;

import io.dingboot.apps.DingTalkApps;
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
 * Every event says which app it came to ({@link #appName()}).
 * DingTalk waits at most 1.5 s for the answer: put slow work in an {@code @Async} listener. A
 * listener that throws makes DingTalk push the event again.
 */
public class DingTalkEvent extends ApplicationEvent {

	private final EventHeaders headers;

	private final JsonNode payload;

	/**
	 * Create an event of the app named {@code default} from its decrypted JSON.
	 * @param source the object that published the event
	 * @param payload the decrypted JSON object, with an {@code EventType}
	 * @param ownerKey the owner key the push was encrypted for, if known
	 */
	public DingTalkEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		this(source, EventHeaders.of(DingTalkApps.DEFAULT, payload, ownerKey), payload);
	}

	/**
	 * Create an event from its headers and payload, whatever transport brought it.
	 * @param source the object that published the event
	 * @param headers the app, type, id, organisation and time of the event
	 * @param payload the event's JSON object, as the transport delivered it
	 */
	public DingTalkEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source);
		Assert.notNull(headers, "'headers' must not be null");
		Assert.isTrue(payload != null && payload.isObject(), "'payload' must be a JSON object");
		this.headers = headers;
		this.payload = payload;
	}

	/**
	 * The name of the app the event came to: {@code default} for the top-level
	 * {@code dingtalk.*} app, otherwise the {@code <name>} of {@code dingtalk.apps.<name>}. Filter
	 * by app with {@code @EventListener(condition = "#event.appName() == 'hr'")}.
	 * @return the app's name
	 */
	public String appName() {
		return this.headers.appName();
	}

	/**
	 * The app, type, id, organisation and time of the event.
	 * @return the headers
	 */
	public EventHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * DingTalk's event type ({@code EventType}), e.g. {@code user_add_org}.
	 * @return the event type
	 */
	public String getEventType() {
		return this.headers.eventType();
	}

	/**
	 * The organisation's CorpId ({@code CorpId}).
	 * @return the corp id, or {@code null} when the event has none
	 */
	public @Nullable String getCorpId() {
		return this.headers.corpId();
	}

	/**
	 * DingTalk's id of the event ({@code eventId}); the same on every re-push.
	 * @return the event id, or {@code null} for older payloads without one
	 */
	public @Nullable String getEventId() {
		return this.headers.eventId();
	}

	/**
	 * When the event happened ({@code EventTime}, or {@code TimeStamp} in older payloads; seconds
	 * and milliseconds are both understood).
	 * @return the event time, or {@code null} when the event has none
	 */
	public @Nullable Instant getEventTime() {
		return this.headers.eventTime();
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
		return this.headers.ownerKey();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{app=" + appName() + ", eventType=" + getEventType() + ", corpId="
				+ getCorpId() + ", eventId=" + getEventId() + ", eventTime=" + getEventTime() + "}";
	}

}
