package io.dingboot.robot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * DingTalk's answer to a one-to-one batch send: the key to recall or query the message by, and the
 * users it did not reach although the call succeeded.
 *
 * @param processQueryKey the key for {@link AppRobotApi#recallUserMessages} and
 * {@link AppRobotApi#readStatus}
 * @param invalidStaffIds userids DingTalk does not know (or that have left)
 * @param flowControlledStaffIds userids DingTalk throttled: the message did not reach them, try
 * again later
 */
public record BatchSendResult(@Nullable String processQueryKey, List<String> invalidStaffIds,
		List<String> flowControlledStaffIds) {

	public BatchSendResult {
		invalidStaffIds = List.copyOf(invalidStaffIds);
		flowControlledStaffIds = List.copyOf(flowControlledStaffIds);
	}

	/**
	 * Whether every user was sent the message: none invalid, none throttled.
	 * @return whether nobody was left out
	 */
	public boolean reachedEveryone() {
		return this.invalidStaffIds.isEmpty() && this.flowControlledStaffIds.isEmpty();
	}

}
