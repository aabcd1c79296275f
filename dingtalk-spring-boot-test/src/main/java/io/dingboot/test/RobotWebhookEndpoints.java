package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The custom group robot webhook, {@code POST /robot/send?access_token=...[&timestamp=...&sign=...]},
 * checked as DingTalk checks it (see {@link FakeWebhookRobots}); every answer is HTTP 200 with an
 * {@code errcode}.
 */
final class RobotWebhookEndpoints extends EndpointGroup {

	static final String SEND = "/robot/send";

	/** How far the timestamp of a signed message may be from the fake's clock. */
	static final long TIMESTAMP_WINDOW_MILLIS = 3_600_000;

	private static final Set<String> TYPES = Set.of("text", "markdown", "link", "actionCard", "feedCard");

	private static final String SIGN_NOT_IN_URL = "description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，"
			+ "请确认机器人的密钥加密和填写正确;link:https://open.dingtalk.com/document/robots/customize-robot-security-settings;";

	private final FakeWebhookRobots robots;

	RobotWebhookEndpoints(FakeState state, FakeWebhookRobots robots) {
		super("dingtalk-robot-webhook", state);
		this.robots = robots;
	}

	@Override
	List<String> paths() {
		return List.of(SEND);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		String token = call.query("access_token");
		FakeWebhookRobot robot = (token != null) ? this.robots.find(token) : null;
		if (robot == null) {
			throw new CallRejected(300001, "token is not exist");
		}
		Instant now = this.robots.clock().instant();
		if (robot.secret() != null) {
			checkSign(call, robot.secret(), now);
		}
		JsonNode body = body(call);
		String msgtype = body.path("msgtype").asString("");
		if (!TYPES.contains(msgtype) || !body.path(msgtype).isObject()) {
			throw new CallRejected(400105, "不支持的消息类型");
		}
		if (!robot.keywords().isEmpty() && !containsKeyword(body.path(msgtype), robot.keywords())) {
			throw new CallRejected(310000, "keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
		}
		int refused = this.robots.admit(robot, now);
		if (refused != 0) {
			throw new CallRejected(refused, "send too fast, exceed 20 times per minute");
		}
		this.robots.record(new RobotWebhookMessage(robot.name(), msgtype, body, now));
		return Answer.ok(call, Map.of());
	}

	private static void checkSign(FakeCall call, String secret, Instant now) {
		String timestamp = call.query("timestamp");
		String sign = call.query("sign");
		if (timestamp == null || sign == null) {
			throw new CallRejected(310000, SIGN_NOT_IN_URL);
		}
		long millis;
		try {
			millis = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			throw new CallRejected(310000, "invalid timestamp, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
		}
		if (Math.abs(now.toEpochMilli() - millis) > TIMESTAMP_WINDOW_MILLIS) {
			throw new CallRejected(310000, "invalid timestamp, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
		}
		if (!sign(secret, millis).equals(sign)) {
			throw new CallRejected(310000, "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
		}
	}

	/**
	 * The sign DingTalk expects, Base64 of {@code HmacSHA256(secret, timestamp + "\n" + secret)}.
	 * @param secret the secret
	 * @param timestamp the timestamp in ms
	 * @return the sign, not URL-encoded
	 */
	static String sign(String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode body(FakeCall call) {
		byte[] bytes = call.request().getBody();
		if (bytes == null || bytes.length == 0) {
			throw new CallRejected(40035, "缺少参数 json");
		}
		try {
			return FakeCall.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new CallRejected(40035, "缺少参数 json");
		}
	}

	private static boolean containsKeyword(JsonNode message, List<String> keywords) {
		List<String> texts = new ArrayList<>();
		collect(message, texts);
		return texts.stream().anyMatch((text) -> keywords.stream().anyMatch(text::contains));
	}

	private static void collect(JsonNode node, List<String> texts) {
		if (node.isString()) {
			texts.add(node.asString());
		}
		else if (node.isContainer()) {
			for (JsonNode child : node) {
				collect(child, texts);
			}
		}
	}

}
