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

		DingTalkEvent create(Object source, JsonNode payload, @Nullable String ownerKey);

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

	static DingTalkEvent create(Object source, JsonNode payload, @Nullable String ownerKey) {
		Factory factory = FACTORIES.get(eventType(payload));
		return (factory != null) ? factory.create(source, payload, ownerKey)
				: new DingTalkEvent(source, payload, ownerKey);
	}

}
