package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_remove}: the organisation was dissolved (企业被解散).
 */
public final class OrgRemoveEvent extends DingTalkEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_remove";

	public OrgRemoveEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgRemoveEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
