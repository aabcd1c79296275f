package io.dingboot.stream;

import java.util.Map;

import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackOutcome.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes a Stream EVENT frame as the same {@link io.dingboot.callback.DingTalkEvent} the HTTP
 * callback publishes, through the same {@link CallbackDispatcher} (and so the same
 * deduplicator): the camelCase payload gets the event type, event id, corp id and time from the
 * frame's headers under the names the HTTP payload uses ({@code EventType}, {@code eventId},
 * {@code CorpId}, {@code EventTime}), so that a listener cannot tell which transport delivered it.
 * The event carries the name of the app whose connection received the frame.
 */
final class StreamEventPublisher {

	private static final Logger logger = LoggerFactory.getLogger(StreamEventPublisher.class);

	private final CallbackDispatcher dispatcher;

	StreamEventPublisher(CallbackDispatcher dispatcher) {
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		this.dispatcher = dispatcher;
	}

	/**
	 * Publish one event.
	 * @return whether it was delivered (or was a duplicate): {@code true} acknowledges it with
	 * {@code SUCCESS}, {@code false} with {@code LATER}
	 * @throws IllegalArgumentException when the frame is not an event (no type, data not an object)
	 */
	boolean publish(String appName, StreamFrame frame) {
		ObjectNode payload = payload(frame);
		Status status = this.dispatcher.dispatch(appName, payload, null, "stream:" + frame.messageId());
		if (logger.isDebugEnabled()) {
			logger.debug("Event {} of app '{}' from Stream: {}", payload.get("EventType"), appName, status);
		}
		return status != Status.LISTENER_FAILED && status != Status.IN_PROGRESS;
	}

	static ObjectNode payload(StreamFrame frame) {
		JsonNode data;
		try {
			data = frame.data().isEmpty() ? StreamJson.MAPPER.createObjectNode()
					: StreamJson.MAPPER.readTree(frame.data());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("data is not JSON");
		}
		if (data == null || !data.isObject()) {
			throw new IllegalArgumentException("data is not a JSON object");
		}
		Map<String, String> headers = frame.headers();
		String type = first(headers.get("eventType"), StreamJson.text(data, "EventType"),
				StreamJson.text(data, "eventType"));
		if (type == null) {
			throw new IllegalArgumentException("no eventType");
		}
		ObjectNode payload = StreamJson.MAPPER.createObjectNode();
		payload.put("EventType", type);
		payload.setAll((ObjectNode) data);
		payload.put("EventType", type);
		putIfAbsent(payload, "eventId", headers.get("eventId"));
		putIfAbsent(payload, "CorpId", headers.get("eventCorpId"));
		if (!payload.has("EventTime") && !payload.has("TimeStamp") && !payload.has("timeStamp")
				&& !payload.has("timestamp")) {
			putIfAbsent(payload, "EventTime", headers.get("eventBornTime"));
		}
		return payload;
	}

	private static void putIfAbsent(ObjectNode payload, String name, @Nullable String value) {
		if (value != null && !value.isEmpty() && !payload.has(name)) {
			payload.put(name, value);
		}
	}

	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

}
