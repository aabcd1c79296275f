package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code user_add_org}: users joined the organisation (通讯录用户增加).
 */
public final class UserAddOrgEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "user_add_org";

	public UserAddOrgEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public UserAddOrgEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
