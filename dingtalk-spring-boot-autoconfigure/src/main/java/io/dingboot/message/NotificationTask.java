package io.dingboot.message;

/**
 * A work notification DingTalk accepted: the task to ask about (within 24 hours) with
 * {@link WorkNotificationApi#getSendProgress}, {@link WorkNotificationApi#getSendResult} and
 * {@link WorkNotificationApi#recall}. Accepted is not delivered: DingTalk drops what exceeds its
 * limits silently, and the send result tells.
 *
 * @param taskId the {@code task_id}
 * @param agentId the AgentId it was sent as
 */
public record NotificationTask(long taskId, long agentId) {

}
