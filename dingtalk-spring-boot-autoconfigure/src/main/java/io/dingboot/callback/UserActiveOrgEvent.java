package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code user_active_org}: users activated their account (加入企业后用户激活).
 */
public final class UserActiveOrgEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "user_active_org";

	public UserActiveOrgEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public UserActiveOrgEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
