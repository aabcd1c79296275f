package io.dingboot.sample.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.robot.AppRobotApi;
import io.dingboot.robot.webhook.DingTalkRobots;
import io.dingboot.sample.ErrorAnswer;
import io.dingboot.test.FakeCard;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeRobots;
import io.dingboot.test.RobotWebhookMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The robot panel ({@code robots.html}): send to the demo group through the custom robot
 * {@value DemoRobots#CUSTOM_ROBOT} and through the app robot, start an AI card that streams into
 * the demo group, and show the demo chat as the fake received it. Demo mode only: in real mode
 * every endpoint answers {@code 409 robots_demo_only}, the robots of a real organisation need their
 * own configuration. Errors are the sample's {@link ErrorAnswer}.
 */
@RestController
@RequestMapping("/demo/robots")
class RobotPanelController {

	/** The longest text the panel sends. */
	static final int MAX_TEXT = 2000;

	private final @Nullable FakeDingTalk fake;

	private final ObjectProvider<DingTalkRobots> robots;

	private final ObjectProvider<AppRobotApi> appRobot;

	private final ObjectProvider<DemoCardStreamer> cards;

	RobotPanelController(ObjectProvider<FakeDingTalk> fake, ObjectProvider<DingTalkRobots> robots,
			ObjectProvider<AppRobotApi> appRobot, ObjectProvider<DemoCardStreamer> cards) {
		this.fake = fake.getIfAvailable();
		this.robots = robots;
		this.appRobot = appRobot;
		this.cards = cards;
	}

	@GetMapping
	ResponseEntity<?> panel() {
		if (this.fake == null) {
			return demoOnly();
		}
		return ResponseEntity.ok(new Panel(DemoRobots.CUSTOM_ROBOT, DemoRobots.DEMO_GROUP, DemoRobots.DEMO_GROUP_NAME));
	}

	@PostMapping("/custom")
	ResponseEntity<?> sendThroughCustomRobot(@RequestBody SendRequest request) {
		if (this.fake == null) {
			return demoOnly();
		}
		ErrorAnswer invalid = request.invalid();
		if (invalid != null) {
			return invalid.toResponse();
		}
		io.dingboot.robot.webhook.RobotMessage message = request.isMarkdown()
				? io.dingboot.robot.webhook.RobotMessage.markdown(request.titleOrDefault(), request.text())
				: io.dingboot.robot.webhook.RobotMessage.text(request.text());
		this.robots.getObject().get(DemoRobots.CUSTOM_ROBOT).send(message);
		return ResponseEntity.ok(Map.of("robot", DemoRobots.CUSTOM_ROBOT, "sent", true));
	}

	@PostMapping("/app")
	ResponseEntity<?> sendThroughAppRobot(@RequestBody SendRequest request) {
		if (this.fake == null) {
			return demoOnly();
		}
		ErrorAnswer invalid = request.invalid();
		if (invalid != null) {
			return invalid.toResponse();
		}
		io.dingboot.robot.RobotMessage message = request.isMarkdown()
				? io.dingboot.robot.RobotMessage.markdown(request.titleOrDefault(), request.text())
				: io.dingboot.robot.RobotMessage.text(request.text());
		String key = this.appRobot.getObject().sendToGroup(DemoRobots.DEMO_GROUP, message);
		return ResponseEntity.ok(Map.of("processQueryKey", key));
	}

	@PostMapping("/card")
	ResponseEntity<?> startAiCard() {
		if (this.fake == null) {
			return demoOnly();
		}
		return ResponseEntity.ok(Map.of("outTrackId", this.cards.getObject().start()));
	}

	/**
	 * The demo chat: the messages both robots sent to the demo group, oldest first, and, when asked
	 * for, one card's current content and status.
	 * @param card the card's outTrackId, or {@code null}
	 * @return the chat
	 */
	@GetMapping("/chat")
	ResponseEntity<?> chat(@RequestParam(required = false) String card) {
		FakeDingTalk fake = this.fake;
		if (fake == null) {
			return demoOnly();
		}
		List<ChatMessage> messages = new ArrayList<>();
		for (RobotWebhookMessage message : fake.webhookRobots().messages(DemoRobots.CUSTOM_ROBOT)) {
			messages.add(new ChatMessage("custom", message.msgtype(), message.title(), message.text(),
					message.receivedAt()));
		}
		for (FakeRobots.Message message : fake.robots().groupMessages(DemoRobots.DEMO_GROUP)) {
			boolean markdown = "sampleMarkdown".equals(message.msgKey());
			messages.add(new ChatMessage("app", markdown ? "markdown" : "text", text(message.msgParam(), "title"),
					text(message.msgParam(), markdown ? "text" : "content"), message.sentAt()));
		}
		messages.sort(Comparator.comparing(ChatMessage::at));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messages", messages);
		if (StringUtils.hasText(card)) {
			FakeCard state = fake.card(card);
			if (state == null) {
				return ErrorAnswer
					.of(HttpStatus.NOT_FOUND, "unknown_card", "There is no such card", "没有这张卡片")
					.toResponse();
			}
			String content = state.value(DemoCardStreamer.CONTENT_KEY);
			body.put("card", new CardView(state.outTrackId(), state.status(), (content != null) ? content : "",
					state.streamingUpdates().size()));
		}
		return ResponseEntity.ok(body);
	}

	private static String text(Map<String, Object> msgParam, String key) {
		Object value = msgParam.get(key);
		return (value != null) ? value.toString() : "";
	}

	static ResponseEntity<Map<String, Object>> demoOnly() {
		return ErrorAnswer
			.of(HttpStatus.CONFLICT, "robots_demo_only",
					"The robot panel works in demo mode only; a real organisation's robots need dingtalk.robots.* and dingtalk.robot-code",
					"机器人面板只在演示模式下可用；真实组织的机器人需要配置 dingtalk.robots.* 与 dingtalk.robot-code")
			.toResponse();
	}

	record Panel(String customRobot, String group, String groupName) {

	}

	/**
	 * A message to send.
	 *
	 * @param type {@code text} (default) or {@code markdown}
	 * @param title the markdown title, the start of the text by default
	 * @param text the text
	 */
	record SendRequest(@Nullable String type, @Nullable String title, String text) {

		@Nullable ErrorAnswer invalid() {
			if (this.type != null && !this.type.equals("text") && !this.type.equals("markdown")) {
				return ErrorAnswer
					.of(HttpStatus.BAD_REQUEST, "invalid_request", "The type must be text or markdown",
							"消息类型只能是 text 或 markdown")
					.withDetail("type must be text or markdown");
			}
			if (!StringUtils.hasText(this.text)) {
				return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", "The text is empty", "消息内容为空");
			}
			if (this.text.length() > MAX_TEXT || (this.title != null && this.title.length() > MAX_TEXT)) {
				return ErrorAnswer
					.of(HttpStatus.BAD_REQUEST, "invalid_request", "The text is too long", "消息内容太长")
					.withDetail("at most " + MAX_TEXT + " characters");
			}
			return null;
		}

		boolean isMarkdown() {
			return "markdown".equals(this.type);
		}

		String titleOrDefault() {
			if (StringUtils.hasText(this.title)) {
				return this.title;
			}
			String firstLine = this.text.strip().lines().findFirst().orElse("").replaceAll("^#+\\s*", "");
			if (firstLine.isBlank()) {
				return "演示消息";
			}
			return (firstLine.length() > 30) ? firstLine.substring(0, 30) : firstLine;
		}

	}

	record ChatMessage(String via, String msgtype, String title, String text, Instant at) {

	}

	record CardView(String outTrackId, String status, String content, int updates) {

	}

}
