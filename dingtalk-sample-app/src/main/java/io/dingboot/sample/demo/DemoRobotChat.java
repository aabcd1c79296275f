package io.dingboot.sample.demo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import io.dingboot.test.FakeApp;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeRobots;
import io.dingboot.test.FakeUser;
import io.dingboot.test.stream.StreamAck;
import io.dingboot.test.stream.StreamPush;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The DingTalk side of the demo group's robot chat: a demo user @-s the app's robot in the demo
 * group, and the fake's Stream gateway pushes the message to the app as DingTalk does (a robot
 * message with a session webhook the fake serves). Remembers the latest {@value #REMEMBERED}
 * messages with their pushes, so the panel can show what the app answered.
 */
@Component
@ConditionalOnProperty(DemoModeInitializer.DEMO_PROPERTY)
public final class DemoRobotChat {

	/** How many of the latest messages the chat remembers. */
	static final int REMEMBERED = 50;

	/** The robot's encrypted user id in the demo group, as DingTalk names it in {@code atUsers}. */
	static final String ROBOT_USER_ID = "$:LWCP_v1:$dingbootdemorobot";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FakeDingTalk fake;

	private final Deque<SentMessage> messages = new ArrayDeque<>();

	DemoRobotChat(FakeDingTalk fake) {
		this.fake = fake;
	}

	/**
	 * Have a demo user send a text to the robot in the demo group, @-ing it: the fake's gateway
	 * pushes the robot message to the app's Stream connection (once it has one).
	 * @param sender the demo user
	 * @param text the text after the @-mention
	 * @return the message sent
	 */
	public SentMessage send(FakeUser sender, String text) {
		FakeApp app = this.fake.organization().app();
		FakeRobots.SessionWebhook webhook = this.fake.robots().openSessionWebhook();
		String msgId = "msg" + UUID.randomUUID().toString().replace("-", "");
		Instant now = Instant.now();
		ObjectNode message = json.createObjectNode();
		message.put("conversationId", DemoRobots.DEMO_GROUP);
		message.put("conversationType", "2");
		message.put("conversationTitle", DemoRobots.DEMO_GROUP_NAME);
		message.put("chatbotCorpId", app.corpId());
		message.put("chatbotUserId", ROBOT_USER_ID);
		message.put("msgId", msgId);
		message.put("msgtype", "text");
		// DingTalk strips the @-mention of the robot and leaves the space after it
		message.putObject("text").put("content", " " + text);
		message.put("createAt", now.toEpochMilli());
		message.put("senderId", "$:LWCP_v1:$" + sender.userid());
		message.put("senderNick", sender.name());
		message.put("senderStaffId", sender.userid());
		message.put("senderCorpId", app.corpId());
		message.put("isAdmin", sender.admin());
		message.put("isInAtList", true);
		message.put("robotCode", app.appKey());
		message.putArray("atUsers").addObject().put("dingtalkId", ROBOT_USER_ID);
		message.put("sessionWebhook", webhook.url());
		message.put("sessionWebhookExpiredTime", webhook.expiredTime());
		StreamPush push = this.fake.stream().pushRobotMessage(app.appKey(), json.writeValueAsString(message));
		SentMessage sent = new SentMessage(msgId, sender.userid(), sender.name(), text, now, webhook.session(), push);
		synchronized (this.messages) {
			this.messages.addLast(sent);
			while (this.messages.size() > REMEMBERED) {
				this.messages.removeFirst();
			}
		}
		return sent;
	}

	/**
	 * The latest messages sent, oldest first.
	 * @return the messages
	 */
	public List<SentMessage> messages() {
		synchronized (this.messages) {
			return new ArrayList<>(this.messages);
		}
	}

	/**
	 * A message a demo user sent to the robot.
	 *
	 * @param msgId the message's {@code msgId}
	 * @param senderStaffId the sender's userid
	 * @param senderNick the sender's name
	 * @param text the text
	 * @param sentAt when it was sent
	 * @param session the session id of its session webhook (where the app's replies arrive)
	 * @param push the gateway's push of it
	 */
	public record SentMessage(String msgId, String senderStaffId, String senderNick, String text, Instant sentAt,
			String session, StreamPush push) {

		/**
		 * The code of the app's first ack ({@code 200} for a message taken), {@code null} while
		 * unanswered.
		 * @return the code
		 */
		public @Nullable Integer ackCode() {
			List<StreamAck> acks = this.push.acks();
			return acks.isEmpty() ? null : acks.get(0).code();
		}

	}

}
