package io.dingboot.callback;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code org_change}: the organisation's details changed (企业信息发生变更).
 */
public final class OrgChangeEvent extends DingTalkEvent {

	/** Event type of this event. */
	public static final String TYPE = "org_change";

	public OrgChangeEvent(Object source, JsonNode payload, @Nullable String ownerKey) {
		super(source, payload, ownerKey);
	}

	public OrgChangeEvent(Object source, EventHeaders headers, JsonNode payload) {
		super(source, headers, payload);
	}

}
