package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code user_modify_org}: users' details changed (通讯录用户更改).
 */
public final class UserModifyOrgEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "user_modify_org";

	public UserModifyOrgEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public UserModifyOrgEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
