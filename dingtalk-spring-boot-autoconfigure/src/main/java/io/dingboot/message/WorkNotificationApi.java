package io.dingboot.message;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkJson;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.message.Message.ActionCard;
import io.dingboot.message.Message.Link;
import io.dingboot.message.Message.Oa;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
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

	private static final Pattern BGCOLOR = Pattern.compile("[0-9A-Fa-f]{8}");

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
		Set<String> users = receivers(notification);
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
			throw invalid("msg is missing: set a message with .message(Message.text(...))");
		}
		check(message, notification, users.size());
		JsonNode msg = DingTalkJson.mapper().valueToTree(Map.of("msgtype", message.msgtype(), message.msgtype(), message));
		int bytes = DingTalkJson.mapper().writeValueAsBytes(msg).length;
		if (bytes > MAX_MSG_BYTES) {
			throw invalid("msg is " + bytes + " bytes as UTF-8 JSON; DingTalk accepts at most " + MAX_MSG_BYTES);
		}
		body.put("msg", msg);
		JsonNode answer = this.client.execute(DingTalkRequest.post(SEND).body(body).build());
		JsonNode taskId = answer.get("task_id");
		if (taskId == null || !taskId.canConvertToLong()) {
			throw new DingTalkApiException(Kind.INVALID_RESPONSE, SEND, null, 200,
					"DingTalk " + SEND + " answered without a task_id", null);
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

	private static Set<String> receivers(WorkNotification notification) {
		Set<String> users = new LinkedHashSet<>();
		for (String userId : notification.userIds()) {
			if (!StringUtils.hasText(userId)) {
				throw invalid("userid_list holds an empty userid");
			}
			if (userId.indexOf(',') >= 0) {
				throw invalid("a userid must not contain ',' (userid_list is comma-separated)");
			}
			users.add(userId.strip());
		}
		for (Long deptId : notification.deptIds()) {
			if (deptId == null || deptId < 1) {
				throw invalid("dept_id_list holds an invalid department id " + deptId);
			}
		}
		boolean lists = !users.isEmpty() || !notification.deptIds().isEmpty();
		if (notification.toAllUser() && lists) {
			throw invalid("to_all_user cannot be combined with userid_list or dept_id_list");
		}
		if (!notification.toAllUser() && !lists) {
			throw invalid("no receivers: give userid_list, dept_id_list or to_all_user");
		}
		if (users.size() > MAX_USERS) {
			throw invalid("userid_list has " + users.size() + " users; DingTalk accepts at most " + MAX_USERS
					+ " per call");
		}
		long departments = notification.deptIds().stream().distinct().count();
		if (departments > MAX_DEPARTMENTS) {
			throw invalid("dept_id_list has " + departments + " departments; DingTalk accepts at most "
					+ MAX_DEPARTMENTS + " per call");
		}
		return users;
	}

	private static void check(Message message, WorkNotification notification, int users) {
		if (message instanceof Message.Text text) {
			required("text.content", text.content());
		}
		else if (message instanceof Message.Image image) {
			required("image.media_id", image.mediaId());
		}
		else if (message instanceof Message.File file) {
			required("file.media_id", file.mediaId());
		}
		else if (message instanceof Message.Voice voice) {
			checkVoice(voice);
		}
		else if (message instanceof Link link) {
			checkLink(link);
		}
		else if (message instanceof Message.Markdown markdown) {
			required("markdown.title", markdown.title());
			required("markdown.text", markdown.text());
		}
		else if (message instanceof ActionCard card) {
			checkActionCard(card);
		}
		else if (message instanceof Oa oa) {
			checkOa(oa, notification, users);
		}
	}

	private static void checkVoice(Message.Voice voice) {
		required("voice.media_id", voice.mediaId());
		int duration;
		try {
			duration = Integer.parseInt(String.valueOf(voice.duration()));
		}
		catch (NumberFormatException ex) {
			throw invalid("voice.duration must be a whole number of seconds but is '" + voice.duration() + "'");
		}
		if (duration < 1 || duration >= 60) {
			throw invalid("voice.duration must be 1 to 59 seconds but is " + duration);
		}
	}

	private static void checkLink(Link link) {
		required("link.messageUrl", link.messageUrl());
		required("link.picUrl", link.picUrl());
		required("link.title", link.title());
		required("link.text", link.text());
	}

	private static void checkActionCard(ActionCard card) {
		required("action_card.title", card.title());
		required("action_card.markdown", card.markdown());
		boolean single = StringUtils.hasText(card.singleTitle()) || StringUtils.hasText(card.singleUrl());
		boolean buttons = card.btnJsonList() != null && !card.btnJsonList().isEmpty();
		if (single && buttons) {
			throw invalid("action_card has both single_title/single_url and btn_json_list; give one form only");
		}
		if (!single && !buttons) {
			throw invalid("action_card has neither single_title/single_url nor btn_json_list; give one form");
		}
		if (single) {
			required("action_card.single_title", card.singleTitle());
			required("action_card.single_url", card.singleUrl());
		}
		else {
			required("action_card.btn_orientation", card.btnOrientation());
			if (!"0".equals(card.btnOrientation()) && !"1".equals(card.btnOrientation())) {
				throw invalid("action_card.btn_orientation must be \"0\" (vertical) or \"1\" (horizontal)");
			}
			for (ActionCard.Button button : card.btnJsonList()) {
				required("action_card.btn_json_list[].title", (button != null) ? button.title() : null);
				required("action_card.btn_json_list[].action_url", button.actionUrl());
			}
		}
	}

	private static void checkOa(Oa oa, WorkNotification notification, int users) {
		required("oa.message_url", oa.messageUrl());
		if (oa.head() == null) {
			throw invalid("oa.head is missing");
		}
		if (oa.head().bgcolor() == null || !BGCOLOR.matcher(oa.head().bgcolor()).matches()) {
			throw invalid("oa.head.bgcolor must be 8 hex digits ARGB without 0x (such as FFBBBBBB) but is '"
					+ oa.head().bgcolor() + "'");
		}
		if (oa.body() == null) {
			throw invalid("oa.body is missing");
		}
		if (oa.statusBar() != null) {
			if (notification.toAllUser() || !notification.deptIds().isEmpty()) {
				throw invalid("oa.status_bar is only shown for a userid_list, not with dept_id_list or to_all_user");
			}
			if (users > MAX_STATUS_BAR_USERS) {
				throw invalid("oa.status_bar is only shown for at most " + MAX_STATUS_BAR_USERS + " users, not "
						+ users);
			}
		}
	}

	private static void required(String field, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw invalid(field + " is required");
		}
	}

	private static DingTalkApiException invalid(String message) {
		return DingTalkApiException.invalidRequest(SEND, message);
	}

	@Override
	public String toString() {
		return "WorkNotificationApi{agentId=" + this.defaultAgentId + "}";
	}

}
