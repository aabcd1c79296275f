package io.dingboot.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dingboot.DingTalkApiException;
import io.dingboot.card.CardApi;
import io.dingboot.card.CardDelivery;
import io.dingboot.card.CardRequest;
import io.dingboot.card.CardStream;
import io.dingboot.card.CardTarget;
import io.dingboot.card.CardUpdate;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.http.TokenPlacement;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.robot.BatchSendResult;
import io.dingboot.robot.ConversationType;
import io.dingboot.robot.RecallResult;
import io.dingboot.robot.ReplyTarget;
import io.dingboot.robot.RobotMessage;
import io.dingboot.robot.RobotReplier;
import io.dingboot.robot.RobotReply;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The app robot and cards against the fake: DingBoot's own API classes on one side, the fake's
 * records on the other.
 */
class AppRobotAndCardEndpointsTests {

	private static final MutableClock clock = new MutableClock();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static FakeDingTalk fake;

	private static DingTalkTransport transport;

	private static DingTalkClient apiClient;

	private AppRobotApi robot;

	private RobotReplier replier;

	private CardApi cards;

	@BeforeAll
	static void start() {
		fake = FakeDingTalk.builder().clock(clock).build().start();
		transport = new DingTalkTransport(RestClient.builder(), URI.create(fake.baseUrl()),
				new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10)));
		FakeApp app = fake.organization().app();
		TokenCache tokens = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofMillis(10));
		apiClient = new DingTalkClient(transport,
				DefaultAccessTokenProvider.forApp(tokens, transport, app.appKey(), app.appSecret()),
				URI.create(fake.baseUrl()), TokenPlacement.ACS_TOKEN_HEADER);
	}

	@AfterAll
	static void stop() {
		fake.stop();
	}

	@BeforeEach
	void resetJournal() {
		fake.resetJournal();
		this.robot = new AppRobotApi(apiClient, "dingrobot");
		this.replier = new RobotReplier(transport, this.robot, Duration.ofMinutes(1), clock);
		this.cards = new CardApi(apiClient, "dingrobot", 2, clock);
	}

	@Test
	void batchSendReachesKnownUsersAndSurfacesUnknownAndThrottledOnes() {
		fake.robots().throttleUser("lisi");
		BatchSendResult result = this.robot.sendToUsers(List.of("zhangsan", "lisi", "ghost"), RobotMessage.text("月会"));
		assertThat(result.invalidStaffIds()).containsExactly("ghost");
		assertThat(result.flowControlledStaffIds()).containsExactly("lisi");
		assertThat(fake.robots().messagesTo("zhangsan")).singleElement().satisfies((message) -> {
			assertThat(message.msgKey()).isEqualTo("sampleText");
			assertThat(message.msgParam()).isEqualTo(Map.of("content", "月会"));
			assertThat(message.robotCode()).isEqualTo("dingrobot");
			assertThat(message.processQueryKey()).isEqualTo(result.processQueryKey());
		});
		assertThat(fake.robots().messagesTo("lisi")).isEmpty();
	}

	@Test
	void groupMessagesAreRecordedAndRecalledOnce() {
		String key = this.robot.sendToGroup("cidGroup==", RobotMessage.markdown("周报", "**完成**"));
		assertThat(fake.robots().groupMessages("cidGroup==")).singleElement()
			.satisfies((message) -> assertThat(message.msgParam()).isEqualTo(Map.of("title", "周报", "text", "**完成**")));
		assertThat(this.robot.recallGroupMessages("cidGroup==", List.of(key)).recalled()).containsExactly(key);
		RecallResult again = this.robot.recallGroupMessages("cidGroup==", List.of(key));
		assertThat(again.recalled()).isEmpty();
		assertThat(again.failed()).containsKey(key);
		assertThat(fake.robots().groupMessages("cidGroup==").get(0).recalled()).isTrue();
	}

	@Test
	void readStatusAndDownloadAnswerFromTheFake() {
		String key = this.robot.sendToUsers(List.of("zhangsan"), RobotMessage.text("hi")).processQueryKey();
		assertThat(this.robot.readStatus(key).reads()).singleElement()
			.satisfies((read) -> assertThat(read.userId()).isEqualTo("zhangsan"));
		assertThat(this.robot.recallUserMessages(List.of(key)).recalled()).containsExactly(key);
		assertThat(this.robot.downloadUrl("dc1")).isEqualTo(fake.baseUrl() + "/robot-files/dc1");
	}

	@Test
	void replyThroughAValidWebhookMakesOneWebhookCallAndNoSend() {
		FakeRobots.SessionWebhook webhook = fake.robots().openSessionWebhook();
		RobotReply reply = this.replier.reply(ReplyTarget.of(webhook.url(), webhook.expiredTime(), "2", "cidGroup==",
				"zhangsan", null), RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.SESSION_WEBHOOK);
		assertThat(fake.robots().webhookReplies()).singleElement().satisfies((sent) -> {
			assertThat(sent.session()).isEqualTo(webhook.session());
			assertThat(sent.body()).isEqualTo(Map.of("msgtype", "text", "text", Map.of("content", "收到")));
		});
		assertThat(fake.callCount("/robot/sendBySession")).isEqualTo(1);
		assertThat(fake.callCount("/v1.0/robot/groupMessages/send")).isZero();
		assertThat(fake.callCount("/v1.0/robot/oToMessages/batchSend")).isZero();
	}

	@Test
	void replyAfterTheWebhookExpiredGoesToGroupSendWithoutTryingTheWebhook() {
		FakeRobots.SessionWebhook webhook = fake.robots().openSessionWebhook();
		clock.advance(Duration.ofMinutes(91));
		RobotReply reply = this.replier.reply(ReplyTarget.of(webhook.url(), webhook.expiredTime(), "2", "cidGroup==",
				"zhangsan", null), RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.GROUP_SEND);
		assertThat(fake.callCount("/robot/sendBySession")).isZero();
		assertThat(fake.callCount("/v1.0/robot/groupMessages/send")).isEqualTo(1);
		assertThat(fake.robots().groupMessages("cidGroup==")).hasSize(1);
	}

	@Test
	void webhookTheFakeExpiredEarlierAnswers300001AndTheReplyFallsBackToTheSenderOnce() {
		FakeRobots.SessionWebhook webhook = fake.robots().openSessionWebhook(Duration.ofMinutes(10));
		clock.advance(Duration.ofMinutes(11));
		ReplyTarget claimsValid = new ReplyTarget(URI.create(webhook.url()), clock.instant().plus(Duration.ofHours(1)),
				ConversationType.SINGLE, "cidSingle==", "zhangsan", null);
		RobotReply reply = this.replier.reply(claimsValid, RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.BATCH_SEND);
		assertThat(fake.callCount("/robot/sendBySession")).isEqualTo(1);
		assertThat(fake.callCount("/v1.0/robot/oToMessages/batchSend")).isEqualTo(1);
		assertThat(fake.robots().webhookReplies()).isEmpty();
		assertThat(fake.robots().messagesTo("zhangsan")).hasSize(1);
	}

	@Test
	void expiredWebhookAnswersErrcode300001() throws Exception {
		FakeRobots.SessionWebhook webhook = fake.robots().openSessionWebhook(Duration.ofSeconds(5));
		clock.advance(Duration.ofSeconds(5));
		HttpResponse<String> answer = raw("POST", webhook.url(), Map.of(),
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(json.readTree(answer.body())).isEqualTo(json.readTree("{\"errcode\":300001,\"errmsg\":\"session 不存在\"}"));
	}

	@Test
	void msgParamAsAnObjectInsteadOfAStringIsRefusedAndNothingIsRecorded() throws Exception {
		HttpResponse<String> answer = raw("POST", fake.baseUrl() + "/v1.0/robot/groupMessages/send", tokenHeader(),
				"{\"msgParam\":{\"content\":\"x\"},\"msgKey\":\"sampleText\",\"openConversationId\":\"cid\",\"robotCode\":\"r\"}");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(json.readTree(answer.body()).path("code").asString()).isEqualTo("invalidParameter.msgParam.invalid");
		assertThat(fake.robots().messages()).isEmpty();
	}

	@Test
	void sendWithoutTheTokenHeaderIsRefusedAsTheV1FamilyDoes() throws Exception {
		HttpResponse<String> answer = raw("POST", fake.baseUrl() + "/v1.0/robot/oToMessages/batchSend", Map.of(),
				"{\"msgParam\":\"{\\\"content\\\":\\\"x\\\"}\",\"msgKey\":\"sampleText\",\"userIds\":[\"zhangsan\"],\"robotCode\":\"r\"}");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(json.readTree(answer.body()).path("code").asString()).isEqualTo("AuthenticationFailed.MissingParameter");
	}

	@Test
	void moreThanTwentyUsersAndMissingTextAreRefusedWithDingTalksCodes() throws Exception {
		List<String> users = IntStream.rangeClosed(1, 21).mapToObj((i) -> "u" + i).toList();
		HttpResponse<String> tooMany = raw("POST", fake.baseUrl() + "/v1.0/robot/oToMessages/batchSend", tokenHeader(),
				json.writeValueAsString(Map.of("msgParam", "{\"content\":\"x\"}", "msgKey", "sampleText", "userIds", users,
						"robotCode", "r")));
		assertThat(json.readTree(tooMany.body()).path("code").asString()).isEqualTo("invalidParameter.userIds.overMax");
		HttpResponse<String> noContent = raw("POST", fake.baseUrl() + "/v1.0/robot/oToMessages/batchSend", tokenHeader(),
				json.writeValueAsString(Map.of("msgParam", "{}", "msgKey", "sampleText", "userIds", List.of("zhangsan"),
						"robotCode", "r")));
		assertThat(json.readTree(noContent.body()).path("code").asString()).isEqualTo("miss.param.contentOfText");
		assertThat(fake.robots().messages()).isEmpty();
	}

	@Test
	void cardDeliveryToAnUnknownUserFailsForThatSpaceOnly() {
		CardDelivery delivery = this.cards.createAndDeliver(CardRequest.builder("tpl")
			.outTrackId("card-deliver")
			.data("title", "构建")
			.to(CardTarget.group("cidGroup=="))
			.to(CardTarget.robotChat("ghost"))
			.build());
		assertThat(delivery.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.spaceType()).isEqualTo("IM_ROBOT");
			assertThat(failure.spaceId()).isEqualTo("ghost");
			assertThat(failure.errorMessage()).contains("user not exist");
		});
		FakeCard card = fake.card("card-deliver");
		assertThat(card.openSpaceId()).isEqualTo("dtv1.card//IM_GROUP.cidGroup==;IM_ROBOT.ghost");
		assertThat(card.value("title")).isEqualTo("构建");
		assertThat(card.status()).isEqualTo(FakeCard.PROCESSING);
	}

	@Test
	void configuredDeliveryFailureIsSurfaced() {
		fake.robots().failCardDeliveriesTo("cidGone==", "robot not in group");
		CardDelivery delivery = this.cards.createAndDeliver(
				CardRequest.builder("tpl").outTrackId("card-gone").to(CardTarget.group("cidGone==")).build());
		assertThat(delivery.deliveredEverywhere()).isFalse();
		assertThat(delivery.failures().get(0).errorMessage()).isEqualTo("robot not in group");
	}

	@Test
	void streamedChunksEndAsTheWholeFinishedText() {
		this.cards.createAndDeliver(CardRequest.builder("ai-tpl")
			.outTrackId("card-stream")
			.streamCallbacks()
			.data("content", "")
			.to(CardTarget.robotChat("zhangsan"))
			.build());
		CardStream stream = this.cards.stream("card-stream", "content");
		List<String> chunks = List.of("## 答案\n", "钉钉", "让进步", "发生");
		for (String chunk : chunks) {
			stream.append(chunk);
			assertThat(fake.card("card-stream").status()).isEqualTo(FakeCard.INPUTING);
			clock.advance(Duration.ofMillis(200));
		}
		stream.finish();
		FakeCard card = fake.card("card-stream");
		assertThat(card.value("content")).isEqualTo("## 答案\n钉钉让进步发生");
		assertThat(card.status()).isEqualTo(FakeCard.FINISHED);
		// 4 chunks over 800 ms at 2 per second: the first, the one after 500 ms's wait was over, and the final
		assertThat(card.streamingUpdates()).hasSize(3);
		assertThat(card.streamingUpdates()).allSatisfy((update) -> assertThat(update.full()).isTrue());
		assertThat(card.streamingUpdates()).extracting(FakeCard.StreamingUpdate::guid).doesNotHaveDuplicates();
	}

	@Test
	void failedStreamLeavesTheCardFailed() {
		this.cards.createAndDeliver(
				CardRequest.builder("ai-tpl").outTrackId("card-fail").to(CardTarget.robotChat("zhangsan")).build());
		CardStream stream = this.cards.stream("card-fail", "content");
		stream.append("部分");
		stream.fail();
		assertThat(fake.card("card-fail").status()).isEqualTo(FakeCard.FAILED);
	}

	@Test
	void updateByKeyKeepsOtherVariables() {
		this.cards.createAndDeliver(CardRequest.builder("tpl")
			.outTrackId("card-update")
			.data(Map.of("title", "审批", "status", "pending"))
			.to(CardTarget.group("cidGroup=="))
			.build());
		this.cards.update(CardUpdate.of("card-update").data(Map.of("status", "approved")));
		FakeCard card = fake.card("card-update");
		assertThat(card.data()).containsEntry("title", "审批").containsEntry("status", "approved");
		assertThat(card.updates()).isEqualTo(1);
	}

	@Test
	void streamingToAnUnknownCardIsRefused() {
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.cards.streamingUpdate("no-such-card", "content", "x", true, false, false))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
		assertThat(fake.card("no-such-card")).isNull();
	}

	private static Map<String, String> tokenHeader() {
		return Map.of("x-acs-dingtalk-access-token", new FakeHttp(fake).token());
	}

	private static HttpResponse<String> raw(String method, String url, Map<String, String> headers, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
