package io.dingboot.callback;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A contact event about users: the user ids are read from {@code userId} (current payloads) or
 * {@code UserId} (older payloads). Listen to this type for every user event, or to a subclass for
 * one kind.
 */
public abstract class UserEvent extends DingTalkEvent {

	private final List<String> userIds;

	protected UserEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
		this.userIds = CallbackJson.strings(CallbackJson.field(payload, "userId", "UserId", "userid"));
	}

	protected UserEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
		this.userIds = CallbackJson.strings(CallbackJson.field(payload, "userId", "UserId", "userid"));
	}

	/**
	 * The users the event is about.
	 * @return the user ids, never {@code null}
	 */
	public List<String> getUserIds() {
		return this.userIds;
	}

}
