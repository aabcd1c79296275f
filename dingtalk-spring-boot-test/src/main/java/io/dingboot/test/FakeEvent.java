package io.dingboot.test;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An event for {@link FakeDingTalk#pushEvent(FakeEvent)}: the {@code EventType} and the event's
 * own fields. The fake adds {@code EventTime} (now, in milliseconds), {@code CorpId} (the
 * application's) and a random {@code eventId} unless the event has them.
 * <pre class="code">
 * fake.pushEvent(FakeEvent.userAddOrg("zhangsan", "lisi"));
 * fake.pushEvent(FakeEvent.orgDeptCreate(42).with("eventId", "e-1"));
 * fake.pushEvent(FakeEvent.of("bpms_instance_change", Map.of("processInstanceId", "p-1", "type", "finish")));
 * </pre>
 *
 * @param type the {@code EventType}
 * @param fields the other fields, in order
 */
public record FakeEvent(String type, Map<String, Object> fields) {

	public FakeEvent {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("type must not be empty");
		}
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
	}

	/**
	 * An event of any type.
	 * @param type the {@code EventType}
	 * @param fields the other fields
	 * @return the event
	 */
	public static FakeEvent of(String type, Map<String, ?> fields) {
		return new FakeEvent(type, new LinkedHashMap<>(fields));
	}

	/**
	 * {@code user_add_org} ({@code UserAddOrgEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent userAddOrg(String... userIds) {
		return users("user_add_org", userIds);
	}

	/**
	 * {@code user_modify_org} ({@code UserModifyOrgEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent userModifyOrg(String... userIds) {
		return users("user_modify_org", userIds);
	}

	/**
	 * {@code user_leave_org} ({@code UserLeaveOrgEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent userLeaveOrg(String... userIds) {
		return users("user_leave_org", userIds);
	}

	/**
	 * {@code user_active_org} ({@code UserActiveOrgEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent userActiveOrg(String... userIds) {
		return users("user_active_org", userIds);
	}

	/**
	 * {@code org_admin_add} ({@code OrgAdminAddEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent orgAdminAdd(String... userIds) {
		return users("org_admin_add", userIds);
	}

	/**
	 * {@code org_admin_remove} ({@code OrgAdminRemoveEvent}).
	 * @param userIds the users
	 * @return the event
	 */
	public static FakeEvent orgAdminRemove(String... userIds) {
		return users("org_admin_remove", userIds);
	}

	/**
	 * {@code org_dept_create} ({@code OrgDeptCreateEvent}).
	 * @param deptIds the departments
	 * @return the event
	 */
	public static FakeEvent orgDeptCreate(long... deptIds) {
		return departments("org_dept_create", deptIds);
	}

	/**
	 * {@code org_dept_modify} ({@code OrgDeptModifyEvent}).
	 * @param deptIds the departments
	 * @return the event
	 */
	public static FakeEvent orgDeptModify(long... deptIds) {
		return departments("org_dept_modify", deptIds);
	}

	/**
	 * {@code org_dept_remove} ({@code OrgDeptRemoveEvent}).
	 * @param deptIds the departments
	 * @return the event
	 */
	public static FakeEvent orgDeptRemove(long... deptIds) {
		return departments("org_dept_remove", deptIds);
	}

	/**
	 * {@code org_remove} ({@code OrgRemoveEvent}).
	 * @return the event
	 */
	public static FakeEvent orgRemove() {
		return new FakeEvent("org_remove", Map.of());
	}

	/**
	 * {@code org_change} ({@code OrgChangeEvent}).
	 * @return the event
	 */
	public static FakeEvent orgChange() {
		return new FakeEvent("org_change", Map.of());
	}

	/**
	 * This event with one more field (or a field replaced).
	 * @param name the field's name, e.g. {@code eventId}
	 * @param value the value
	 * @return a new event
	 */
	public FakeEvent with(String name, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(this.fields);
		copy.put(Objects.requireNonNull(name, "name"), value);
		return new FakeEvent(this.type, copy);
	}

	/**
	 * The decrypted JSON DingTalk would push.
	 * @param clock the fake's clock, for {@code EventTime}
	 * @param corpId the application's corp id, or {@code null}
	 * @return the JSON
	 */
	String toJson(Clock clock, @Nullable String corpId) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("EventType", this.type);
		event.put("EventTime", clock.millis());
		if (corpId != null) {
			event.put("CorpId", corpId);
		}
		event.put("eventId", RandomIds.hex(32));
		event.putAll(this.fields);
		return FakeCall.json.writeValueAsString(event);
	}

	private static FakeEvent users(String type, String... userIds) {
		return new FakeEvent(type, Map.of("userId", List.of(userIds)));
	}

	private static FakeEvent departments(String type, long... deptIds) {
		return new FakeEvent(type, Map.of("deptId", Arrays.stream(deptIds).boxed().toList()));
	}

}
