package io.dingboot.callback;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A contact event about departments: the department ids are read from {@code deptId} (current
 * payloads) or {@code DeptId} (older payloads). Listen to this type for every department event, or
 * to a subclass for one kind.
 */
public abstract class DepartmentEvent extends DingTalkEvent {

	private final List<Long> deptIds;

	protected DepartmentEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
		this.deptIds = CallbackJson.numbers(CallbackJson.field(payload, "deptId", "DeptId", "deptid"));
	}

	protected DepartmentEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
		this.deptIds = CallbackJson.numbers(CallbackJson.field(payload, "deptId", "DeptId", "deptid"));
	}

	/**
	 * The departments the event is about.
	 * @return the department ids, never {@code null}
	 */
	public List<Long> getDeptIds() {
		return this.deptIds;
	}

}
