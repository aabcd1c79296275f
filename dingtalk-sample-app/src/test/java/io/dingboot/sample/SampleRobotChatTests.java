package io.dingboot.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.sample.demo.DemoCardStreamer;
import io.dingboot.sample.demo.DemoRobotChat;
import io.dingboot.sample.demo.DemoRobotListener;
import io.dingboot.sample.demo.DemoRobots;
import io.dingboot.test.FakeCard;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeRobots;
import io.dingboot.test.stream.FakeStreamGateway;
import io.dingboot.test.stream.StreamPush;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot chat in demo mode, over real HTTP as a logged-in user: a text to the robot travels
 * the fake's Stream gateway to the sample's robot listener, which the app acknowledges at once and
 * answers exactly once through the message's session webhook; {@code /card} also streams the AI
 * card into the demo group to its end.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleRobotChatTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SESSION_WEBHOOK = "/robot/sendBySession";

	private static final String GROUP_SEND = "/v1.0/robot/groupMessages/send";

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DemoRobotChat chat;

	@Autowired
	DemoCardStreamer streamer;

	SampleHttp http;

	FakeStreamGateway gateway;

	@BeforeEach
	void logIn() {
		this.fake.resetJournal();
		this.gateway = this.fake.stream();
		this.http = new SampleHttp(this.port);
		assertThat(this.http.demoLogin("zhangsan").status()).isEqualTo(200);
	}

	@Test
	void textIsPushedThroughTheGatewayAckedOnceAndAnsweredOnceThroughTheSessionWebhook() {
		String text = "你好 hello " + System.nanoTime();
		DemoRobotChat.SentMessage sent = send(text);
		List<FakeRobots.WebhookReply> replies = awaitReplies(sent, 1);

		assertThat(replies).singleElement().satisfies((reply) -> {
			assertThat(reply.msgtype()).isEqualTo("text");
			assertThat(reply.body()).isEqualTo(Map.of("msgtype", "text", "text",
					Map.of("content", DemoRobotListener.replyTo(text))));
		});
		StreamPush push = sent.push();
		assertThat(push.deliveries()).isEqualTo(1);
		assertThat(push.acks()).singleElement().satisfies((ack) -> {
			assertThat(ack.code()).isEqualTo(200);
			assertThat(ack.isRetry()).isFalse();
		});
		assertThat(this.fake.callCount(SESSION_WEBHOOK)).isEqualTo(1);
		assertThat(this.fake.callCount(GROUP_SEND)).isZero();
		assertThat(this.fake.robots().cards()).isEmpty();
	}

	@Test
	void theMessageTheListenerGetsIsFromTheLoggedInUserAtTheRobotInTheDemoGroup() {
		DemoRobotChat.SentMessage sent = send("谁在说话");
		JsonNode message = SampleHttp.json.readTree(sent.push().data());
		assertThat(message.path("conversationId").asString()).isEqualTo(DemoRobots.DEMO_GROUP);
		assertThat(message.path("conversationType").asString()).isEqualTo("2");
		assertThat(message.path("senderStaffId").asString()).isEqualTo("zhangsan");
		assertThat(message.path("senderNick").asString()).isEqualTo("张三");
		assertThat(message.path("isInAtList").asBoolean()).isTrue();
		assertThat(message.path("robotCode").asString()).isEqualTo(this.fake.organization().app().appKey());
		assertThat(message.path("text").path("content").asString()).isEqualTo(" 谁在说话");
		assertThat(message.path("sessionWebhook").asString())
			.isEqualTo(this.fake.baseUrl() + SESSION_WEBHOOK + "?session=" + sent.session());
		assertThat(awaitReplies(sent, 1)).hasSize(1);
	}

	@Test
	void cardCommandRepliesOnceThenStreamsTheWholeAnswerIntoTheDemoGroupAndFinishes() throws Exception {
		DemoRobotChat.SentMessage sent = send("/card");
		assertThat(awaitReplies(sent, 1)).singleElement()
			.satisfies((reply) -> assertThat(reply.body()).isEqualTo(
					Map.of("msgtype", "text", "text", Map.of("content", DemoRobotListener.CARD_REPLY))));
		String outTrackId = DemoRobotListener.cardId(sent.msgId());
		this.gateway.awaitCondition(() -> this.streamer.completion(outTrackId) != null, WAIT, "the AI card");
		CompletableFuture<String> completion = this.streamer.completion(outTrackId);
		assertThat(completion.get(30, TimeUnit.SECONDS)).isEqualTo(DemoCardStreamer.ANSWER);

		FakeCard card = this.fake.card(outTrackId);
		assertThat(card.status()).isEqualTo(FakeCard.FINISHED);
		assertThat(card.value("content")).isEqualTo(DemoCardStreamer.ANSWER);
		assertThat(card.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.spaceType()).isEqualTo("IM_GROUP");
			assertThat(delivery.spaceId()).isEqualTo(DemoRobots.DEMO_GROUP);
			assertThat(delivery.success()).isTrue();
		});
		assertThat(this.fake.robots().cards()).singleElement()
			.satisfies((only) -> assertThat(only.outTrackId()).isEqualTo(outTrackId));
		assertThat(this.fake.robots().webhookReplies()).hasSize(1);
		assertThat(sent.push().acks()).singleElement().satisfies((ack) -> assertThat(ack.code()).isEqualTo(200));

		List<JsonNode> entries = conversation(sent.msgId());
		assertThat(entries).extracting((entry) -> entry.path("from").asString())
			.containsExactly("user", "robot", "card");
		assertThat(entries.get(1).path("text").asString()).isEqualTo(DemoRobotListener.CARD_REPLY);
		assertThat(entries.get(2).path("card").path("outTrackId").asString()).isEqualTo(outTrackId);
		assertThat(entries.get(2).path("card").path("status").asString()).isEqualTo(FakeCard.FINISHED);
		assertThat(entries.get(2).path("card").path("content").asString()).isEqualTo(DemoCardStreamer.ANSWER);
	}

	@Test
	void cardCommandDeliveredTwiceMakesOneReplyAndOneCard() throws Exception {
		DemoRobotChat.SentMessage sent = send("/card");
		awaitReplies(sent, 1);
		String outTrackId = DemoRobotListener.cardId(sent.msgId());
		this.gateway.awaitCondition(() -> this.streamer.completion(outTrackId) != null, WAIT, "the AI card");
		// DingTalk delivers the same message again (same msgId): DingBoot acks it and publishes nothing
		StreamPush again = this.gateway.pushRobotMessage(this.fake.organization().app().appKey(), sent.push().data());
		assertThat(again.awaitAck(WAIT).code()).isEqualTo(200);
		assertThat(this.streamer.completion(outTrackId).get(30, TimeUnit.SECONDS)).isEqualTo(DemoCardStreamer.ANSWER);
		assertThat(replies(sent)).hasSize(1);
		assertThat(this.fake.robots().cards()).hasSize(1);
		assertThat(this.fake.callCount("/v1.0/card/instances/createAndDeliver")).isEqualTo(1);
	}

	@Test
	void conversationShowsTheUsersMessageWithTheAppsAckThenTheRobotsReply() {
		String text = "会议室在哪 " + System.nanoTime();
		DemoRobotChat.SentMessage sent = send(text);
		awaitReplies(sent, 1);
		List<JsonNode> entries = conversation(sent.msgId());
		assertThat(entries).hasSize(2);
		JsonNode user = entries.get(0);
		assertThat(user.path("from").asString()).isEqualTo("user");
		assertThat(user.path("sender").asString()).isEqualTo("张三");
		assertThat(user.path("text").asString()).isEqualTo(text);
		assertThat(user.path("ackCode").asInt()).isEqualTo(200);
		JsonNode robot = entries.get(1);
		assertThat(robot.path("from").asString()).isEqualTo("robot");
		assertThat(robot.path("msgtype").asString()).isEqualTo("text");
		assertThat(robot.path("text").asString()).isEqualTo(DemoRobotListener.replyTo(text));
	}

	@Test
	void emptyOrTooLongTextIs400AndPushesNothing() {
		int sentBefore = this.chat.messages().size();
		int acksBefore = this.gateway.acks().size();
		Response empty = this.http.post("/demo/robots/messages", "{\"text\":\"  \"}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(empty.json().path("messageZh").asString()).isEqualTo("消息内容为空");
		assertThat(this.http.post("/demo/robots/messages", "{}").status()).isEqualTo(400);
		Response tooLong = this.http.post("/demo/robots/messages", "{\"text\":\"" + "字".repeat(2001) + "\"}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("detail").asString()).isEqualTo("at most 2000 characters");
		assertThat(this.chat.messages()).hasSize(sentBefore);
		assertThat(this.gateway.acks()).hasSize(acksBefore);
		assertThat(this.fake.callCount(SESSION_WEBHOOK)).isZero();
	}

	@Test
	void withoutLoginTheChatIs401AndPushesNothing() {
		int sentBefore = this.chat.messages().size();
		SampleHttp stranger = new SampleHttp(this.port);
		stranger.ensureCsrfToken();
		assertThat(stranger.post("/demo/robots/messages", "{\"text\":\"x\"}").status()).isEqualTo(401);
		assertThat(stranger.get("/demo/robots/conversation").status()).isEqualTo(401);
		assertThat(this.chat.messages()).hasSize(sentBefore);
	}

	private DemoRobotChat.SentMessage send(String text) {
		Response answer = this.http.post("/demo/robots/messages",
				SampleHttp.json.writeValueAsString(Map.of("text", text)));
		assertThat(answer.status()).isEqualTo(202);
		String msgId = answer.json().path("msgId").asString();
		return this.chat.messages()
			.stream()
			.filter((message) -> message.msgId().equals(msgId))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Wait until the message's session webhook received {@code count} replies and its push was
	 * answered, then answer those replies.
	 */
	private List<FakeRobots.WebhookReply> awaitReplies(DemoRobotChat.SentMessage sent, int count) {
		this.gateway.awaitCondition(() -> replies(sent).size() >= count && !sent.push().acks().isEmpty(), WAIT,
				count + " reply(ies) to " + sent.msgId());
		return replies(sent);
	}

	private List<FakeRobots.WebhookReply> replies(DemoRobotChat.SentMessage sent) {
		return this.fake.robots()
			.webhookReplies()
			.stream()
			.filter((reply) -> reply.session().equals(sent.session()))
			.toList();
	}

	private List<JsonNode> conversation(String msgId) {
		Response answer = this.http.get("/demo/robots/conversation");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("group").asString()).isEqualTo(DemoRobots.DEMO_GROUP);
		return answer.json()
			.path("messages")
			.valueStream()
			.filter((entry) -> entry.path("msgId").asString().equals(msgId))
			.toList();
	}

}
