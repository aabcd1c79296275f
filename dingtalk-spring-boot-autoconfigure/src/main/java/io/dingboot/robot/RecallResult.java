package io.dingboot.robot;

import java.util.List;
import java.util.Map;

/**
 * DingTalk's answer to a recall: which messages were recalled and why the others were not.
 *
 * @param recalled the processQueryKeys recalled
 * @param failed the processQueryKeys not recalled, with DingTalk's reason
 */
public record RecallResult(List<String> recalled, Map<String, String> failed) {

	public RecallResult {
		recalled = List.copyOf(recalled);
		failed = Map.copyOf(failed);
	}

}
