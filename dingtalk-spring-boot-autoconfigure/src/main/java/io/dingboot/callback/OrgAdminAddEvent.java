package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_admin_add}: users became administrators (通讯录用户被设为管理员).
 */
public final class OrgAdminAddEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_admin_add";

	public OrgAdminAddEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgAdminAddEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
