package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_dept_modify}: departments changed (通讯录企业部门修改).
 */
public final class OrgDeptModifyEvent extends DepartmentEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_dept_modify";

	public OrgDeptModifyEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgDeptModifyEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
