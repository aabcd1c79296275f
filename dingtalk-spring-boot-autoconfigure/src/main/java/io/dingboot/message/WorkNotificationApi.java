package io.dingboot.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkJson;
import io.dingboot.http.DingTalkRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk's work notifications (工作通知, corp conversation): send, progress, result, recall.
 * Before sending, it refuses (with {@link DingTalkApiException.Kind#INVALID_REQUEST}, nothing
 * sent) what DingTalk would refuse or silently drop. A send is never repeated after a timeout,
 * since it may already have gone out.
 */
public final class WorkNotificationApi {

	static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	static final String PROGRESS = "/topapi/message/corpconversation/getsendprogress";

	static final String RESULT = "/topapi/message/corpconversation/getsendresult";

	static final String RECALL = "/topapi/message/corpconversation/recall";

	/** Most userids in one send (DingTalk's documented limit). */
	public static final int MAX_USERS = 100;

	/** Most department ids in one send (DingTalk's documented limit). */
	public static final int MAX_DEPARTMENTS = 20;

	/** Most bytes of {@code msg} as UTF-8 JSON. */
	public static final int MAX_MSG_BYTES = 2048;

	/** Most users of a message with an OA status bar. */
	public static final int MAX_STATUS_BAR_USERS = 5;

	private final DingTalkClient client;

	private final @Nullable Long defaultAgentId;

	/**
	 * Create the API.
	 * @param client the client
	 * @param defaultAgentId the AgentId to send as when a call gives none ({@code dingtalk.agent-id}),
	 * or {@code null}
	 */
	public WorkNotificationApi(DingTalkClient client, @Nullable Long defaultAgentId) {
		this.client = client;
		this.defaultAgentId = defaultAgentId;
	}

	/**
	 * Send a work notification. DingTalk sends asynchronously: the answer is a task, and only
	 * {@link #getSendResult} says who got it.
	 * @param notification the notification
	 * @return the task
	 * @throws DingTalkApiException {@code INVALID_REQUEST} when a rule is broken (nothing is sent),
	 * or DingTalk's error
	 */
	public NotificationTask send(WorkNotification notification) {
		long agentId = agentId(SEND, notification.agentId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agent_id", agentId);
		Set<String> users = WorkNotificationRules.receivers(notification);
		if (!users.isEmpty()) {
			body.put("userid_list", String.join(",", users));
		}
		if (!notification.deptIds().isEmpty()) {
			body.put("dept_id_list",
					notification.deptIds().stream().distinct().map(String::valueOf).collect(Collectors.joining(",")));
		}
		if (notification.toAllUser()) {
			body.put("to_all_user", true);
		}
		Message message = notification.message();
		if (message == null) {
			throw WorkNotificationRules.invalid("msg is missing: set a message with .message(Message.text(...))");
		}
		WorkNotificationRules.check(message, notification, users.size());
		JsonNode msg = DingTalkJson.mapper().valueToTree(Map.of("msgtype", message.msgtype(), message.msgtype(), message));
		int bytes = DingTalkJson.mapper().writeValueAsBytes(msg).length;
		if (bytes > MAX_MSG_BYTES) {
			throw WorkNotificationRules.invalid("msg is " + bytes + " bytes as UTF-8 JSON; DingTalk accepts at most " + MAX_MSG_BYTES);
		}
		body.put("msg", msg);
		JsonNode answer = this.client.execute(DingTalkRequest.post(SEND).body(body).build());
		JsonNode taskId = answer.get("task_id");
		if (taskId == null || !taskId.canConvertToLong()) {
			throw DingTalkApiException.invalidResponse(SEND, 200,
					"DingTalk " + SEND + " answered without a task_id");
		}
		return new NotificationTask(taskId.asLong(), agentId);
	}

	/**
	 * The progress of a task sent as {@code dingtalk.agent-id}.
	 * @param taskId the task id
	 * @return the progress
	 */
	public SendProgress getSendProgress(long taskId) {
		return getSendProgress(agentId(PROGRESS, null), taskId);
	}

	/**
	 * The progress of a task.
	 * @param agentId the AgentId it was sent as
	 * @param taskId the task id
	 * @return the progress
	 */
	public SendProgress getSendProgress(long agentId, long taskId) {
		return this.client.execute(task(PROGRESS, agentId, taskId), "progress", SendProgress.class);
	}

	/**
	 * What became of a task sent as {@code dingtalk.agent-id}.
	 * @param taskId the task id
	 * @return the result
	 */
	public SendResult getSendResult(long taskId) {
		return getSendResult(agentId(RESULT, null), taskId);
	}

	/**
	 * What became of a task: read, unread, invalid, forbidden (with the flow-control code).
	 * @param agentId the AgentId it was sent as
	 * @param taskId the task id
	 * @return the result
	 */
	public SendResult getSendResult(long agentId, long taskId) {
		return this.client.execute(task(RESULT, agentId, taskId), "send_result", SendResult.class);
	}

	/**
	 * Recall a task sent as {@code dingtalk.agent-id} (within 24 hours).
	 * @param taskId the task id
	 */
	public void recall(long taskId) {
		recall(agentId(RECALL, null), taskId);
	}

	/**
	 * Recall a task (within 24 hours).
	 * @param agentId the AgentId it was sent as
	 * @param taskId the task id
	 */
	public void recall(long agentId, long taskId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agent_id", agentId);
		body.put("msg_task_id", taskId);
		this.client.execute(DingTalkRequest.post(RECALL).body(body).build());
	}

	private static DingTalkRequest task(String path, long agentId, long taskId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agent_id", agentId);
		body.put("task_id", taskId);
		return DingTalkRequest.post(path).body(body).idempotent(true).build();
	}

	private long agentId(String path, @Nullable Long given) {
		Long agentId = (given != null) ? given : this.defaultAgentId;
		if (agentId == null) {
			throw DingTalkApiException.invalidRequest(path,
					"agent_id is not set: set dingtalk.agent-id or give one per call");
		}
		return agentId;
	}

	@Override
	public String toString() {
		return "WorkNotificationApi{agentId=" + this.defaultAgentId + "}";
	}

}
