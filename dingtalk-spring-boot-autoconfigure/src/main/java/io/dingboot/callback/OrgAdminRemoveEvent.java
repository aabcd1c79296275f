package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_admin_remove}: users are no longer administrators (通讯录用户被取消设置管理员).
 */
public final class OrgAdminRemoveEvent extends UserEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_admin_remove";

	public OrgAdminRemoveEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgAdminRemoveEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
