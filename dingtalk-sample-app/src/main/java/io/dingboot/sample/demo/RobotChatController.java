package io.dingboot.sample.demo;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.sample.ErrorAnswer;
import io.dingboot.sample.demo.RobotPanelController.CardView;
import io.dingboot.test.FakeCard;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeRobots;
import io.dingboot.test.FakeUser;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The robot chat of the robot panel: the logged-in demo user @-s the app's robot in the demo
 * group ({@code POST /demo/robots/messages}); the fake's Stream gateway pushes the message to the
 * app, whose robot listener ({@link DemoRobotListener}) replies through the session webhook and,
 * for {@value DemoRobotListener#CARD_COMMAND}, streams an AI card. {@code GET
 * /demo/robots/conversation} shows the conversation as the fake saw it: each message with the
 * app's ack, the replies that reached its session webhook, and its card. Demo mode only, like the
 * rest of the panel ({@code 409 robots_demo_only} otherwise).
 */
@RestController
@RequestMapping("/demo/robots")
class RobotChatController {

	private final @Nullable FakeDingTalk fake;

	private final ObjectProvider<DemoRobotChat> chat;

	RobotChatController(ObjectProvider<FakeDingTalk> fake, ObjectProvider<DemoRobotChat> chat) {
		this.fake = fake.getIfAvailable();
		this.chat = chat;
	}

	/**
	 * Send a text to the robot in the demo group as the logged-in user.
	 * @param request the text
	 * @param principal the logged-in user (the name is the DingTalk userid)
	 * @return {@code 202} with the message's {@code msgId}: the app answers on its own time
	 */
	@PostMapping("/messages")
	ResponseEntity<?> send(@RequestBody ChatRequest request, Principal principal) {
		FakeDingTalk fake = this.fake;
		if (fake == null) {
			return RobotPanelController.demoOnly();
		}
		ErrorAnswer invalid = request.invalid();
		if (invalid != null) {
			return invalid.toResponse();
		}
		FakeUser sender = fake.organization().user(principal.getName()).orElse(null);
		if (sender == null) {
			return ErrorAnswer
				.of(HttpStatus.CONFLICT, "not_a_demo_user", "Only a demo user can chat with the robot",
						"只有示例成员可以和机器人聊天")
				.toResponse();
		}
		DemoRobotChat.SentMessage sent = this.chat.getObject().send(sender, request.text().strip());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("msgId", sent.msgId()));
	}

	/**
	 * The conversation with the robot, oldest first: every message a demo user sent, followed by
	 * the replies that reached its session webhook and the AI card that answers it, if any.
	 * @return the conversation
	 */
	@GetMapping("/conversation")
	ResponseEntity<?> conversation() {
		FakeDingTalk fake = this.fake;
		if (fake == null) {
			return RobotPanelController.demoOnly();
		}
		List<FakeRobots.WebhookReply> replies = fake.robots().webhookReplies();
		List<Entry> entries = new ArrayList<>();
		for (DemoRobotChat.SentMessage message : this.chat.getObject().messages()) {
			entries.add(new Entry("user", message.msgId(), message.senderNick(), "text", message.text(),
					message.sentAt(), message.ackCode(), null));
			for (FakeRobots.WebhookReply reply : replies) {
				if (reply.session().equals(message.session())) {
					entries.add(new Entry("robot", message.msgId(), null, reply.msgtype(), text(reply), reply.at(), null,
							null));
				}
			}
			FakeCard card = fake.card(DemoRobotListener.cardId(message.msgId()));
			if (card != null) {
				String content = card.value(DemoCardStreamer.CONTENT_KEY);
				entries.add(new Entry("card", message.msgId(), null, "card", null, null, null, new CardView(
						card.outTrackId(), card.status(), (content != null) ? content : "", card.streamingUpdates().size())));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("group", DemoRobots.DEMO_GROUP);
		body.put("groupName", DemoRobots.DEMO_GROUP_NAME);
		body.put("messages", entries);
		return ResponseEntity.ok(body);
	}

	private static String text(FakeRobots.WebhookReply reply) {
		Object content = reply.body().get(reply.msgtype());
		if (!(content instanceof Map<?, ?> fields)) {
			return "";
		}
		Object text = fields.get("text".equals(reply.msgtype()) ? "content" : "text");
		if (text == null) {
			text = fields.get("title");
		}
		return (text != null) ? text.toString() : "";
	}

	/**
	 * A text for the robot.
	 *
	 * @param text the text after the @-mention
	 */
	record ChatRequest(@Nullable String text) {

		@Nullable ErrorAnswer invalid() {
			if (!StringUtils.hasText(this.text)) {
				return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", "The text is empty", "消息内容为空");
			}
			if (this.text.length() > RobotPanelController.MAX_TEXT) {
				return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", "The text is too long", "消息内容太长")
					.withDetail("at most " + RobotPanelController.MAX_TEXT + " characters");
			}
			return null;
		}

	}

	/**
	 * One entry of the conversation.
	 *
	 * @param from {@code user} (a demo user's message), {@code robot} (a reply at the message's
	 * session webhook) or {@code card} (the AI card answering the message)
	 * @param msgId the user's message this entry belongs to
	 * @param sender the user's name ({@code user} only)
	 * @param msgtype the message type
	 * @param text the text, {@code null} for a card
	 * @param at when it was sent, {@code null} for a card
	 * @param ackCode the code of the app's ack of the message ({@code user} only; {@code null}
	 * while unanswered)
	 * @param card the card ({@code card} only)
	 */
	record Entry(String from, String msgId, @Nullable String sender, String msgtype, @Nullable String text,
			@Nullable Instant at, @Nullable Integer ackCode, @Nullable CardView card) {

	}

}
