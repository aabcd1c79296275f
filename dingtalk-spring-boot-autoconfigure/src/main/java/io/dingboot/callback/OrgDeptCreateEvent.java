package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_dept_create}: departments were created (通讯录企业部门创建).
 */
public final class OrgDeptCreateEvent extends DepartmentEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_dept_create";

	public OrgDeptCreateEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgDeptCreateEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
