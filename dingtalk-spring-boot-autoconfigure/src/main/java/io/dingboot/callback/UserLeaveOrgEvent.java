package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code user_leave_org}: users left the organisation (通讯录用户离职).
 */
public final class UserLeaveOrgEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "user_leave_org";

	public UserLeaveOrgEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public UserLeaveOrgEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
