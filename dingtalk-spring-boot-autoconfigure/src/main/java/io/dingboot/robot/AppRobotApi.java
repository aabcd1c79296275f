package io.dingboot.robot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.StringUtils;

/**
 * The app robot's send side (企业内部应用机器人, v1.0 API family): one-to-one batch send, group
 * send, recall, read status and the download of files users sent the robot. The {@code robotCode}
 * is the app's ({@code dingtalk.robot-code}) unless a call names one. Calls DingTalk would refuse
 * (no robotCode, too many users, a message too long) are refused before anything is sent, with
 * {@link DingTalkApiException.Kind#INVALID_REQUEST}. A send is never repeated after a time out,
 * since it may already have gone out.
 */
public final class AppRobotApi {

	static final String BATCH_SEND = "/v1.0/robot/oToMessages/batchSend";

	static final String GROUP_SEND = "/v1.0/robot/groupMessages/send";

	static final String BATCH_RECALL = "/v1.0/robot/otoMessages/batchRecall";

	static final String GROUP_RECALL = "/v1.0/robot/groupMessages/recall";

	static final String READ_STATUS = "/v1.0/robot/oToMessages/readStatus";

	static final String DOWNLOAD = "/v1.0/robot/messageFiles/download";

	/**
	 * Most userids in one batch send: DingTalk documents 20 (its error text speaks of 100; the
	 * lower bound is kept).
	 */
	public static final int MAX_USERS = 20;

	/** Most processQueryKeys in one recall. */
	public static final int MAX_RECALL_KEYS = 20;

	/** Most bytes of a group message's {@code msgParam} as UTF-8. */
	public static final int MAX_GROUP_MSG_PARAM_BYTES = 15_000;

	private final DingTalkClient apiClient;

	private final @Nullable String robotCode;

	/**
	 * Create the API.
	 * @param apiClient a client of the v1.0 family ({@code api.dingtalk.com}, token in the
	 * {@code x-acs-dingtalk-access-token} header)
	 * @param robotCode the robotCode to send as when a call names none ({@code dingtalk.robot-code}),
	 * or {@code null}
	 */
	public AppRobotApi(DingTalkClient apiClient, @Nullable String robotCode) {
		this.apiClient = apiClient;
		this.robotCode = StringUtils.hasText(robotCode) ? robotCode : null;
	}

	/**
	 * The robotCode calls use when they name none.
	 * @return the robotCode, or {@code null}
	 */
	public @Nullable String robotCode() {
		return this.robotCode;
	}

	/**
	 * Send a message to users in their single chat with the robot, as the app's robot.
	 * @param userIds the userids, 1 to {@value #MAX_USERS}
	 * @param message the message
	 * @return the answer, with the users DingTalk did not reach
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public BatchSendResult sendToUsers(List<String> userIds, RobotMessage message) {
		return sendToUsers(null, userIds, message);
	}

	/**
	 * Send a message to users in their single chat with a robot.
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param userIds the userids, 1 to {@value #MAX_USERS}
	 * @param message the message
	 * @return the answer, with the users DingTalk did not reach
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public BatchSendResult sendToUsers(@Nullable String robotCode, List<String> userIds, RobotMessage message) {
		String code = requireRobotCode(BATCH_SEND, robotCode);
		List<String> users = checkUserIds(userIds);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("robotCode", code);
		body.put("userIds", users);
		body.put("msgKey", message.msgKey());
		body.put("msgParam", message.msgParamJson());
		JsonNode answer = this.apiClient.execute(DingTalkRequest.post(BATCH_SEND).body(body).build());
		return new BatchSendResult(text(answer, "processQueryKey"), texts(answer.path("invalidStaffIdList")),
				texts(answer.path("flowControlledStaffIdList")));
	}

	/**
	 * Send a message to a group the app's robot is in.
	 * @param openConversationId the group ({@code conversationId} of a message received there)
	 * @param message the message
	 * @return the message's processQueryKey
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public String sendToGroup(String openConversationId, RobotMessage message) {
		return sendToGroup(null, openConversationId, null, message);
	}

	/**
	 * Send a message to a group a robot is in.
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param openConversationId the group
	 * @param coolAppCode the cool app's code when the robot came into the group with one, or
	 * {@code null}
	 * @param message the message
	 * @return the message's processQueryKey
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public String sendToGroup(@Nullable String robotCode, String openConversationId, @Nullable String coolAppCode,
			RobotMessage message) {
		String code = requireRobotCode(GROUP_SEND, robotCode);
		requireText(GROUP_SEND, "openConversationId", openConversationId);
		String msgParam = message.msgParamJson();
		int bytes = msgParam.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_GROUP_MSG_PARAM_BYTES) {
			throw DingTalkApiException.invalidRequest(GROUP_SEND, "msgParam is " + bytes + " bytes, DingTalk takes at most "
					+ MAX_GROUP_MSG_PARAM_BYTES + " (invalidParameter.msgParam.tooLong)");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("msgParam", msgParam);
		body.put("msgKey", message.msgKey());
		body.put("openConversationId", openConversationId);
		body.put("robotCode", code);
		if (StringUtils.hasText(coolAppCode)) {
			body.put("coolAppCode", coolAppCode);
		}
		JsonNode answer = this.apiClient.execute(DingTalkRequest.post(GROUP_SEND).body(body).build());
		String key = text(answer, "processQueryKey");
		if (key == null) {
			throw DingTalkApiException.invalidResponse(GROUP_SEND, 200,
					"DingTalk " + GROUP_SEND + " answered without 'processQueryKey'");
		}
		return key;
	}

	/**
	 * Recall one-to-one messages sent by the app's robot (within 24 hours of sending).
	 * @param processQueryKeys the keys of the sends, 1 to {@value #MAX_RECALL_KEYS}
	 * @return what was recalled and what not
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public RecallResult recallUserMessages(List<String> processQueryKeys) {
		return recallUserMessages(null, processQueryKeys);
	}

	/**
	 * Recall one-to-one messages sent by a robot (within 24 hours of sending).
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param processQueryKeys the keys of the sends, 1 to {@value #MAX_RECALL_KEYS}
	 * @return what was recalled and what not
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public RecallResult recallUserMessages(@Nullable String robotCode, List<String> processQueryKeys) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("robotCode", requireRobotCode(BATCH_RECALL, robotCode));
		body.put("processQueryKeys", checkKeys(BATCH_RECALL, processQueryKeys));
		return recall(BATCH_RECALL, body);
	}

	/**
	 * Recall group messages sent by the app's robot.
	 * @param openConversationId the group
	 * @param processQueryKeys the keys of the sends, 1 to {@value #MAX_RECALL_KEYS}
	 * @return what was recalled and what not
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public RecallResult recallGroupMessages(String openConversationId, List<String> processQueryKeys) {
		return recallGroupMessages(null, openConversationId, processQueryKeys);
	}

	/**
	 * Recall group messages sent by a robot.
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param openConversationId the group
	 * @param processQueryKeys the keys of the sends, 1 to {@value #MAX_RECALL_KEYS}
	 * @return what was recalled and what not
	 * @throws DingTalkApiException when the call fails or is refused before sending
	 */
	public RecallResult recallGroupMessages(@Nullable String robotCode, String openConversationId,
			List<String> processQueryKeys) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("openConversationId", requireText(GROUP_RECALL, "openConversationId", openConversationId));
		body.put("robotCode", requireRobotCode(GROUP_RECALL, robotCode));
		body.put("processQueryKeys", checkKeys(GROUP_RECALL, processQueryKeys));
		return recall(GROUP_RECALL, body);
	}

	/**
	 * Who has read a one-to-one message of the app's robot.
	 * @param processQueryKey the send's key
	 * @return the read status per recipient
	 * @throws DingTalkApiException when the call fails
	 */
	public ReadStatus readStatus(String processQueryKey) {
		return readStatus(null, processQueryKey);
	}

	/**
	 * Who has read a one-to-one message of a robot.
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param processQueryKey the send's key
	 * @return the read status per recipient
	 * @throws DingTalkApiException when the call fails
	 */
	public ReadStatus readStatus(@Nullable String robotCode, String processQueryKey) {
		String code = requireRobotCode(READ_STATUS, robotCode);
		requireText(READ_STATUS, "processQueryKey", processQueryKey);
		JsonNode answer = this.apiClient.execute(DingTalkRequest.get(READ_STATUS)
			.query("robotCode", code)
			.query("processQueryKey", processQueryKey)
			.build());
		List<ReadStatus.Read> reads = new ArrayList<>();
		for (JsonNode read : answer.path("messageReadInfoList")) {
			String userId = text(read, "userId");
			if (userId != null) {
				JsonNode at = read.get("readTimestamp");
				Instant readAt = (at != null && at.canConvertToLong() && at.asLong() > 0) ? Instant.ofEpochMilli(at.asLong())
						: null;
				String status = text(read, "readStatus");
				reads.add(new ReadStatus.Read(userId, text(read, "name"), (status != null) ? status : "UNREAD", readAt));
			}
		}
		return new ReadStatus(text(answer, "sendStatus"), reads);
	}

	/**
	 * Where to download a file (picture, audio, video, file) a user sent the app's robot.
	 * @param downloadCode the {@code downloadCode} of the received message's content
	 * @return a temporary download URL
	 * @throws DingTalkApiException when the call fails
	 */
	public String downloadUrl(String downloadCode) {
		return downloadUrl(null, downloadCode);
	}

	/**
	 * Where to download a file a user sent a robot.
	 * @param robotCode the robot, or {@code null} for the app's
	 * @param downloadCode the {@code downloadCode} of the received message's content
	 * @return a temporary download URL
	 * @throws DingTalkApiException when the call fails
	 */
	public String downloadUrl(@Nullable String robotCode, String downloadCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("downloadCode", requireText(DOWNLOAD, "downloadCode", downloadCode));
		body.put("robotCode", requireRobotCode(DOWNLOAD, robotCode));
		JsonNode answer = this.apiClient.execute(DingTalkRequest.post(DOWNLOAD).body(body).idempotent(true).build());
		String url = text(answer, "downloadUrl");
		if (url == null) {
			throw DingTalkApiException.invalidResponse(DOWNLOAD, 200, "DingTalk " + DOWNLOAD + " answered without 'downloadUrl'");
		}
		return url;
	}

	private RecallResult recall(String path, Map<String, Object> body) {
		JsonNode answer = this.apiClient.execute(DingTalkRequest.post(path).body(body).build());
		Map<String, String> failed = new LinkedHashMap<>();
		answer.path("failedResult").properties().forEach((entry) -> failed.put(entry.getKey(), entry.getValue().asString()));
		return new RecallResult(texts(answer.path("successResult")), failed);
	}

	private String requireRobotCode(String path, @Nullable String robotCode) {
		String code = StringUtils.hasText(robotCode) ? robotCode : this.robotCode;
		if (code == null) {
			throw DingTalkApiException.invalidRequest(path, "no robotCode: set dingtalk.robot-code (or "
					+ "dingtalk.apps.<name>.robot-code) to the robot's RobotCode from the developer console, or pass one");
		}
		return code;
	}

	private static String requireText(String path, String name, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw DingTalkApiException.invalidRequest(path, "'" + name + "' must not be empty");
		}
		return value;
	}

	private static List<String> checkUserIds(@Nullable List<String> userIds) {
		if (userIds == null || userIds.isEmpty()) {
			throw DingTalkApiException.invalidRequest(BATCH_SEND, "no userIds (invalidParameter.userIds.empty)");
		}
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String userId : userIds) {
			distinct.add(requireText(BATCH_SEND, "userIds[]", userId));
		}
		if (distinct.size() > MAX_USERS) {
			throw DingTalkApiException.invalidRequest(BATCH_SEND, distinct.size() + " userIds, DingTalk takes at most "
					+ MAX_USERS + " per batch send (invalidParameter.userIds.overMax): split the list");
		}
		return List.copyOf(distinct);
	}

	private static List<String> checkKeys(String path, @Nullable List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			throw DingTalkApiException.invalidRequest(path, "no processQueryKeys");
		}
		if (keys.size() > MAX_RECALL_KEYS) {
			throw DingTalkApiException.invalidRequest(path,
					keys.size() + " processQueryKeys, DingTalk takes at most " + MAX_RECALL_KEYS + " per recall");
		}
		keys.forEach((key) -> requireText(path, "processQueryKeys[]", key));
		return List.copyOf(keys);
	}

	static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : array) {
			if (value.isValueNode() && !value.isNull()) {
				values.add(value.asString());
			}
		}
		return values;
	}

	@Override
	public String toString() {
		return "AppRobotApi{robotCode=" + this.robotCode + "}";
	}

}
