package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_dept_remove}: departments were removed (通讯录企业部门删除).
 */
public final class OrgDeptRemoveEvent extends DepartmentEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_dept_remove";

	public OrgDeptRemoveEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgDeptRemoveEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
