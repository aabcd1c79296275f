package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The app robot: the v1.0 send, recall, read-status and file-download APIs (token in the
 * {@code x-acs-dingtalk-access-token} header, errors as HTTP 400 with {@code {code,message}}), and
 * the session webhooks the fake hands out (errcode answers in HTTP 200, as DingTalk's).
 */
final class RobotEndpoints extends EndpointGroup {

	static final String BATCH_SEND = "/v1.0/robot/oToMessages/batchSend";

	static final String GROUP_SEND = "/v1.0/robot/groupMessages/send";

	static final String BATCH_RECALL = "/v1.0/robot/otoMessages/batchRecall";

	static final String GROUP_RECALL = "/v1.0/robot/groupMessages/recall";

	static final String READ_STATUS = "/v1.0/robot/oToMessages/readStatus";

	static final String DOWNLOAD = "/v1.0/robot/messageFiles/download";

	static final int MAX_USERS = 20;

	static final int MAX_GROUP_MSG_PARAM_BYTES = 15_000;

	/** The parameters each msgKey needs. */
	private static final Map<String, List<String>> MSG_KEYS = msgKeys();

	private static final Set<String> WEBHOOK_TYPES = Set.of("text", "markdown", "actionCard", "feedCard", "link");

	private final FakeRobots robots;

	RobotEndpoints(FakeState state, FakeRobots robots) {
		super("dingtalk-app-robot", state);
		this.robots = robots;
	}

	private static Map<String, List<String>> msgKeys() {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put("sampleText", List.of("content"));
		keys.put("sampleMarkdown", List.of("title", "text"));
		keys.put("sampleImageMsg", List.of("photoURL"));
		keys.put("sampleLink", List.of("text", "title", "picUrl", "messageUrl"));
		keys.put("sampleActionCard", List.of("title", "text", "singleTitle", "singleURL"));
		for (int buttons = 2; buttons <= 5; buttons++) {
			List<String> params = new ArrayList<>(List.of("title", "text"));
			for (int i = 1; i <= buttons; i++) {
				params.add("actionTitle" + i);
				params.add("actionURL" + i);
			}
			keys.put("sampleActionCard" + buttons, List.copyOf(params));
		}
		keys.put("sampleActionCard6",
				List.of("title", "text", "buttonTitle1", "buttonUrl1", "buttonTitle2", "buttonUrl2"));
		keys.put("sampleAudio", List.of("mediaId", "duration"));
		keys.put("sampleFile", List.of("mediaId", "fileName", "fileType"));
		keys.put("sampleVideo", List.of("duration", "videoMediaId", "videoType", "picMediaId"));
		return keys;
	}

	@Override
	List<String> paths() {
		return List.of(BATCH_SEND, GROUP_SEND, BATCH_RECALL, GROUP_RECALL, READ_STATUS, DOWNLOAD, FakeRobots.SESSION_PATH);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		if (call.path().equals(FakeRobots.SESSION_PATH)) {
			return sessionReply(call);
		}
		Answer refused = checkToken(this.state, call);
		if (refused != null) {
			return refused;
		}
		try {
			return switch (call.path()) {
				case BATCH_SEND -> batchSend(call);
				case GROUP_SEND -> groupSend(call);
				case BATCH_RECALL -> recall(call, null);
				case GROUP_RECALL -> recall(call, required(call, "openConversationId", "miss.openConversationId"));
				case READ_STATUS -> readStatus(call);
				default -> download(call);
			};
		}
		catch (Refusal ex) {
			return Answer.v1Error(ex.status, ex.code, ex.getMessage());
		}
	}

	/**
	 * The v1.0 token check: the header, answered as the v1.0 family answers.
	 * @return the refusal, or {@code null} when the token is valid
	 */
	static Answer checkToken(FakeState state, FakeCall call) {
		String token = call.header(NEW_FAMILY_TOKEN_HEADER);
		if (token == null) {
			return Answer.v1Error(400, "AuthenticationFailed.MissingParameter", "缺少参数：" + NEW_FAMILY_TOKEN_HEADER);
		}
		if (!state.tokens.isValid(token)) {
			return Answer.v1Error(400, "InvalidAuthentication", "不合法的access_token");
		}
		return null;
	}

	private Answer batchSend(FakeCall call) {
		String robotCode = robotCode(call);
		JsonNode userIds = call.node("userIds");
		if (userIds == null || !userIds.isArray() || userIds.isEmpty()) {
			throw new Refusal("invalidParameter.userIds.empty", "userIds不能为空");
		}
		if (userIds.size() > MAX_USERS) {
			throw new Refusal("invalidParameter.userIds.overMax", "userIds超过最大限制" + MAX_USERS);
		}
		String msgKey = msgKey(call);
		Map<String, Object> msgParam = msgParam(call, msgKey);
		Set<String> reached = new LinkedHashSet<>();
		List<String> invalid = new ArrayList<>();
		List<String> throttled = new ArrayList<>();
		for (JsonNode node : userIds) {
			String userId = node.asString();
			if (this.state.organization.user(userId).isEmpty()) {
				invalid.add(userId);
			}
			else if (this.robots.isThrottled(userId)) {
				throttled.add(userId);
			}
			else {
				reached.add(userId);
			}
		}
		String key = RandomIds.alphanumeric(32);
		if (!reached.isEmpty()) {
			this.robots.addMessage(new FakeRobots.Message(key, robotCode, msgKey, msgParam, null, List.copyOf(reached),
					false, this.state.clock.instant()));
		}
		return Answer.v1Ok(Answer.fields("processQueryKey", key, "invalidStaffIdList", invalid,
				"flowControlledStaffIdList", throttled));
	}

	private Answer groupSend(FakeCall call) {
		String msgKey = msgKey(call);
		Map<String, Object> msgParam = msgParam(call, msgKey);
		if (call.text("msgParam").getBytes(StandardCharsets.UTF_8).length > MAX_GROUP_MSG_PARAM_BYTES) {
			throw new Refusal("invalidParameter.msgParam.tooLong", "msgParam超过最大长度");
		}
		String group = required(call, "openConversationId", "miss.openConversationId");
		String robotCode = robotCode(call);
		String key = RandomIds.alphanumeric(32);
		this.robots.addMessage(new FakeRobots.Message(key, robotCode, msgKey, msgParam, group, List.of(), false,
				this.state.clock.instant()));
		return Answer.v1Ok(Map.of("processQueryKey", key));
	}

	private Answer recall(FakeCall call, String group) {
		robotCode(call);
		JsonNode keys = call.node("processQueryKeys");
		if (keys == null || !keys.isArray() || keys.isEmpty()) {
			throw new Refusal("invalidParameter.processQueryKeys.empty", "processQueryKeys不能为空");
		}
		List<String> recalled = new ArrayList<>();
		Map<String, Object> failed = new LinkedHashMap<>();
		for (JsonNode node : keys) {
			String key = node.asString();
			FakeRobots.Message message = this.robots.message(key);
			boolean matches = message != null && ((group == null) ? !message.toGroup() : group.equals(message.openConversationId()));
			if (matches && this.robots.recall(key)) {
				recalled.add(key);
			}
			else {
				failed.put(key, (message != null && message.recalled()) ? "message already recalled" : "processQueryKey not exist");
			}
		}
		return Answer.v1Ok(Answer.fields("successResult", recalled, "failedResult", failed));
	}

	private Answer readStatus(FakeCall call) {
		robotCode(call);
		String key = required(call, "processQueryKey", "invalidParameter.processQueryKey.empty");
		FakeRobots.Message message = this.robots.message(key);
		if (message == null || message.toGroup()) {
			throw new Refusal("invalidParameter.processQueryKey.invalid", "processQueryKey不存在");
		}
		List<Map<String, Object>> reads = new ArrayList<>();
		for (String userId : message.userIds()) {
			String name = this.state.organization.user(userId).map(FakeUser::name).orElse(userId);
			reads.add(Answer.fields("name", name, "userId", userId, "readStatus", "UNREAD", "readTimestamp", 0));
		}
		return Answer.v1Ok(Answer.fields("sendStatus", "SUCCESS", "messageReadInfoList", reads));
	}

	private Answer download(FakeCall call) {
		String code = required(call, "downloadCode", "invalidParameter.downloadCode.empty");
		robotCode(call);
		String absolute = call.request().getAbsoluteUrl();
		String base = absolute.substring(0, absolute.indexOf(call.path()));
		return Answer.v1Ok(Map.of("downloadUrl", base + "/robot-files/" + code));
	}

	private Answer sessionReply(FakeCall call) {
		String session = call.query("session");
		if (!this.robots.sessionValid(session)) {
			return Answer.error(call, 300001, "session 不存在");
		}
		JsonNode body = readBody(call);
		String msgtype = (body != null && body.isObject()) ? body.path("msgtype").asString("") : "";
		if (body == null || !body.isObject()) {
			return Answer.error(call, 40035, "缺少参数 json");
		}
		if (!WEBHOOK_TYPES.contains(msgtype) || !body.path(msgtype).isObject()) {
			return Answer.error(call, 400105, "不支持的消息类型");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = FakeCall.json.convertValue(body, LinkedHashMap.class);
		this.robots.addWebhookReply(new FakeRobots.WebhookReply(session, msgtype, fields, this.state.clock.instant()));
		return Answer.ok(call, Map.of());
	}

	private static JsonNode readBody(FakeCall call) {
		byte[] bytes = call.request().getBody();
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			return FakeCall.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String robotCode(FakeCall call) {
		return required(call, "robotCode", "invalidParameter.robotCode.empty");
	}

	private static String msgKey(FakeCall call) {
		String msgKey = required(call, "msgKey", "invalidParameter.msgKey.empty");
		if (!MSG_KEYS.containsKey(msgKey)) {
			throw new Refusal("invalidParameter.msgKey.invalid", "msgKey无效: " + msgKey);
		}
		return msgKey;
	}

	/** DingTalk takes msgParam as a JSON string holding an object with the template's parameters. */
	private static Map<String, Object> msgParam(FakeCall call, String msgKey) {
		JsonNode node = call.node("msgParam");
		if (node == null || !node.isString()) {
			throw new Refusal("invalidParameter.msgParam.invalid", "msgParam必须是JSON格式的字符串");
		}
		Map<String, Object> params;
		try {
			params = Answer.parseObject(node.asString());
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal("invalidParameter.msgParam.invalid", "msgParam必须是JSON格式的字符串");
		}
		for (String name : MSG_KEYS.get(msgKey)) {
			Object value = params.get(name);
			if (value == null || value.toString().isBlank()) {
				throw ("sampleText".equals(msgKey)) ? new Refusal("miss.param.contentOfText", "缺少参数 content")
						: new Refusal("invalidParameter.msgParam.invalid", "msgParam缺少参数 " + name);
			}
		}
		return params;
	}

	private static String required(FakeCall call, String name, String code) {
		String value = call.text(name);
		if (value == null) {
			throw new Refusal(code, name + "不能为空");
		}
		return value;
	}

	/**
	 * A v1.0 error answer: HTTP 400 with {@code code} and {@code message}.
	 */
	static final class Refusal extends RuntimeException {

		final int status;

		final String code;

		Refusal(String code, String message) {
			this(400, code, message);
		}

		Refusal(int status, String code, String message) {
			super(message, null, false, false);
			this.status = status;
			this.code = code;
		}

	}

}
