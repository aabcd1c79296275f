package io.dingboot.callback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One push DingTalk failed to deliver, as listed by {@code /call_back/get_call_back_failed_result}.
 *
 * @param callBackTag the event type ({@code call_back_tag}), e.g. {@code user_add_org}
 * @param eventTime when the event happened ({@code event_time}), if given
 * @param data the object named after the tag, with the event's fields (such as {@code corpid},
 * {@code userid}, {@code deptid}); an empty object when absent
 * @param raw the whole list entry, as DingTalk sent it
 */
public record FailedCallback(String callBackTag, @Nullable Instant eventTime, JsonNode data, JsonNode raw) {

	static FailedCallback of(JsonNode entry) {
		String tag = CallbackJson.text(CallbackJson.field(entry, "call_back_tag"));
		JsonNode data = (tag != null) ? entry.get(tag) : null;
		if (data == null || !data.isObject()) {
			data = JsonNodeFactory.instance.objectNode();
		}
		return new FailedCallback((tag != null) ? tag : "", CallbackJson.time(CallbackJson.field(entry, "event_time")),
				data, entry);
	}

	/**
	 * The event JSON this entry stands for, as the HTTP push would have carried it: the fields of
	 * {@link #data()} plus {@code EventType} and {@code EventTime}.
	 * @return the event payload
	 */
	public ObjectNode toEventPayload() {
		ObjectNode payload = JsonNodeFactory.instance.objectNode();
		payload.put("EventType", this.callBackTag);
		if (this.eventTime != null) {
			payload.put("EventTime", this.eventTime.toEpochMilli());
		}
		this.data.properties().forEach((field) -> payload.set(field.getKey(), field.getValue()));
		return payload;
	}

}
