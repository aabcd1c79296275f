package io.dingboot.callback;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds the most specific {@link DingTalkEvent} for a decrypted payload.
 */
final class CallbackEvents {

	/** URL-verification pushes: answered, never published. */
	static final Set<String> URL_CHECKS = Set.of("check_url", "check_create_suite_url", "check_update_suite_url");

	private interface Factory {

		DingTalkEvent create(Object source, EventHeaders headers, JsonNode payload);

	}

	private static final Map<String, Factory> FACTORIES = Map.ofEntries(
			Map.entry(UserAddOrgEvent.TYPE, UserAddOrgEvent::new),
			Map.entry(UserModifyOrgEvent.TYPE, UserModifyOrgEvent::new),
			Map.entry(UserLeaveOrgEvent.TYPE, UserLeaveOrgEvent::new),
			Map.entry(UserActiveOrgEvent.TYPE, UserActiveOrgEvent::new),
			Map.entry(OrgAdminAddEvent.TYPE, OrgAdminAddEvent::new),
			Map.entry(OrgAdminRemoveEvent.TYPE, OrgAdminRemoveEvent::new),
			Map.entry(OrgDeptCreateEvent.TYPE, OrgDeptCreateEvent::new),
			Map.entry(OrgDeptModifyEvent.TYPE, OrgDeptModifyEvent::new),
			Map.entry(OrgDeptRemoveEvent.TYPE, OrgDeptRemoveEvent::new),
			Map.entry(OrgRemoveEvent.TYPE, OrgRemoveEvent::new), Map.entry(OrgChangeEvent.TYPE, OrgChangeEvent::new));

	private CallbackEvents() {
	}

	static @Nullable String eventType(JsonNode payload) {
		return CallbackJson.text(CallbackJson.field(payload, "EventType"));
	}

	static boolean isUrlCheck(String eventType) {
		return URL_CHECKS.contains(eventType);
	}

	/**
	 * The most specific event for {@code headers}' event type: a typed subclass such as
	 * {@link UserAddOrgEvent} for a known type, a {@link DingTalkEvent} otherwise.
	 */
	static DingTalkEvent create(Object source, EventHeaders headers, JsonNode payload) {
		Factory factory = FACTORIES.get(headers.eventType());
		return (factory != null) ? factory.create(source, headers, payload)
				: new DingTalkEvent(source, headers, payload);
	}

}
