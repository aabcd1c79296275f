package io.dingboot.sample;

import java.util.concurrent.TimeUnit;

import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.sample.demo.DemoCardStreamer;
import io.dingboot.sample.demo.DemoRobots;
import io.dingboot.test.FakeCard;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeRobots;
import io.dingboot.test.RobotWebhookMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot panel's endpoints in demo mode, over real HTTP as a logged-in user: what reaches
 * FakeDingTalk through the custom robot's signed webhook, through the app robot's group API, and
 * the AI card streamed into the demo group.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleRobotPanelTests {

	private static final String WEBHOOK = "/robot/send";

	private static final String GROUP_SEND = "/v1.0/robot/groupMessages/send";

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DemoCardStreamer streamer;

	SampleHttp http;

	@BeforeEach
	void logIn() {
		this.fake.resetJournal();
		this.http = new SampleHttp(this.port);
		assertThat(this.http.demoLogin("zhangsan").status()).isEqualTo(200);
	}

	@Test
	void panelNamesTheCustomRobotAndTheDemoGroup() {
		JsonNode panel = this.http.get("/demo/robots").json();
		assertThat(panel.path("customRobot").asString()).isEqualTo("demo-group");
		assertThat(panel.path("group").asString()).isEqualTo(DemoRobots.DEMO_GROUP);
		assertThat(panel.path("groupName").asString()).isEqualTo("DingBoot 演示群");
	}

	@Test
	void customRobotSendsExactlyOneSignedTextToTheWebhook() {
		String text = "自定义机器人：构建成功 " + System.nanoTime();
		Response answer = this.http.post("/demo/robots/custom", "{\"type\":\"text\",\"text\":\"" + text + "\"}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("sent").asBoolean()).isTrue();
		assertThat(this.fake.callCount(WEBHOOK)).isEqualTo(1);
		// the fake knows the robot's secret and accepts only a valid signature
		assertThat(this.fake.webhookRobots().robots()).filteredOn((robot) -> robot.name().equals("demo-group"))
			.singleElement()
			.satisfies((robot) -> assertThat(robot.secret()).startsWith("SEC"));
		assertThat(this.fake.webhookRobots().messages(DemoRobots.CUSTOM_ROBOT)).singleElement()
			.satisfies((message) -> {
				assertThat(message.msgtype()).isEqualTo("text");
				assertThat(message.text()).isEqualTo(text);
			});
		assertThat(this.fake.callCount(GROUP_SEND)).isZero();
	}

	@Test
	void customRobotSendsMarkdownWithTitleAndText() {
		Response answer = this.http.post("/demo/robots/custom",
				"{\"type\":\"markdown\",\"title\":\"日报\",\"text\":\"### 日报\\n- 完成登录\"}");
		assertThat(answer.status()).isEqualTo(200);
		RobotWebhookMessage message = this.fake.webhookRobots().messages(DemoRobots.CUSTOM_ROBOT).get(0);
		assertThat(this.fake.webhookRobots().messages(DemoRobots.CUSTOM_ROBOT)).hasSize(1);
		assertThat(message.msgtype()).isEqualTo("markdown");
		assertThat(message.title()).isEqualTo("日报");
		assertThat(message.text()).isEqualTo("### 日报\n- 完成登录");
	}

	@Test
	void appRobotSendsOneGroupMessageWithMsgParamContent() {
		String text = "应用机器人：周会改到三点 " + System.nanoTime();
		Response answer = this.http.post("/demo/robots/app", "{\"text\":\"" + text + "\"}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(this.fake.callCount(GROUP_SEND)).isEqualTo(1);
		assertThat(this.fake.callCount(WEBHOOK)).isZero();
		FakeRobots.Message message = this.fake.robots().groupMessages(DemoRobots.DEMO_GROUP).get(0);
		assertThat(this.fake.robots().groupMessages(DemoRobots.DEMO_GROUP)).hasSize(1);
		assertThat(message.msgKey()).isEqualTo("sampleText");
		assertThat(message.msgParam()).containsEntry("content", text).hasSize(1);
		assertThat(message.robotCode()).isEqualTo(this.fake.organization().app().appKey());
		assertThat(answer.json().path("processQueryKey").asString()).isEqualTo(message.processQueryKey());
	}

	@Test
	void chatListsWhatBothRobotsSentToTheDemoGroupOldestFirst() {
		this.http.post("/demo/robots/custom", "{\"text\":\"第一条 first\"}");
		this.http.post("/demo/robots/app", "{\"type\":\"markdown\",\"title\":\"第二条\",\"text\":\"**second**\"}");
		JsonNode messages = this.http.get("/demo/robots/chat").json().path("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("via").asString()).isEqualTo("custom");
		assertThat(messages.get(0).path("msgtype").asString()).isEqualTo("text");
		assertThat(messages.get(0).path("text").asString()).isEqualTo("第一条 first");
		assertThat(messages.get(1).path("via").asString()).isEqualTo("app");
		assertThat(messages.get(1).path("msgtype").asString()).isEqualTo("markdown");
		assertThat(messages.get(1).path("title").asString()).isEqualTo("第二条");
		assertThat(messages.get(1).path("text").asString()).isEqualTo("**second**");
	}

	@Test
	void aiCardIsDeliveredToTheDemoGroupAndStreamsTheWholeAnswerThenFinishes() throws Exception {
		Response answer = this.http.post("/demo/robots/card", null);
		assertThat(answer.status()).isEqualTo(200);
		String outTrackId = answer.json().path("outTrackId").asString();
		String expected = DemoCardStreamer.ANSWER;
		// completes when the scheduler thread has sent the last update
		assertThat(this.streamer.completion(outTrackId).get(30, TimeUnit.SECONDS)).isEqualTo(expected);

		FakeCard card = this.fake.card(outTrackId);
		assertThat(card.status()).isEqualTo(FakeCard.FINISHED);
		assertThat(card.value("content")).isEqualTo(expected);
		assertThat(card.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.spaceType()).isEqualTo("IM_GROUP");
			assertThat(delivery.spaceId()).isEqualTo(DemoRobots.DEMO_GROUP);
			assertThat(delivery.success()).isTrue();
		});
		assertThat(card.streamingUpdates()).isNotEmpty();
		assertThat(card.streamingUpdates().get(card.streamingUpdates().size() - 1).finalized()).isTrue();

		JsonNode shown = this.http.get("/demo/robots/chat?card=" + outTrackId).json().path("card");
		assertThat(shown.path("status").asString()).isEqualTo("FINISHED");
		assertThat(shown.path("content").asString()).isEqualTo(expected);
	}

	@Test
	void emptyTextIs400AndSendsNothing() {
		Response answer = this.http.post("/demo/robots/custom", "{\"text\":\"  \"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("messageZh").asString()).isEqualTo("消息内容为空");
		assertThat(this.http.post("/demo/robots/app", "{}").status()).isEqualTo(400);
		assertThat(this.fake.callCount(WEBHOOK)).isZero();
		assertThat(this.fake.callCount(GROUP_SEND)).isZero();
	}

	@Test
	void unknownMessageTypeIs400AndSendsNothing() {
		Response answer = this.http.post("/demo/robots/app", "{\"type\":\"image\",\"text\":\"x\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("detail").asString()).isEqualTo("type must be text or markdown");
		assertThat(this.fake.callCount(GROUP_SEND)).isZero();
	}

	@Test
	void unknownCardIs404Json() {
		Response answer = this.http.get("/demo/robots/chat?card=no-such-card");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().path("error").asString()).isEqualTo("unknown_card");
	}

	@Test
	void withoutLoginThePanelIs401AndSendsNothing() {
		SampleHttp stranger = new SampleHttp(this.port);
		stranger.ensureCsrfToken();
		assertThat(stranger.get("/demo/robots").status()).isEqualTo(401);
		assertThat(stranger.post("/demo/robots/custom", "{\"text\":\"x\"}").status()).isEqualTo(401);
		assertThat(this.fake.callCount(WEBHOOK)).isZero();
	}

}
