package io.dingboot.robot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a reply went out.
 *
 * @param channel the channel that carried it
 * @param processQueryKey the key to recall the message by (send APIs only), or {@code null}
 * @param invalidStaffIds users a batch send did not reach because DingTalk does not know them
 * @param flowControlledStaffIds users a batch send did not reach because DingTalk throttled them
 */
public record RobotReply(Channel channel, @Nullable String processQueryKey, List<String> invalidStaffIds,
		List<String> flowControlledStaffIds) {

	public RobotReply {
		invalidStaffIds = List.copyOf(invalidStaffIds);
		flowControlledStaffIds = List.copyOf(flowControlledStaffIds);
	}

	/**
	 * The channel of a reply.
	 */
	public enum Channel {

		/** The received message's {@code sessionWebhook}. */
		SESSION_WEBHOOK,

		/** {@code /v1.0/robot/groupMessages/send}. */
		GROUP_SEND,

		/** {@code /v1.0/robot/oToMessages/batchSend} to the sender. */
		BATCH_SEND

	}

}
