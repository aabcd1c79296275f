package io.dingboot.robot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.V1ApiWireMock;
import io.dingboot.robot.RobotMessage.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RobotReplierTests {

	private static final String WEBHOOK = "/robot/sendBySession";

	private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private RobotReplier replier;

	@BeforeEach
	void reset() {
		dingTalk.reset();
		this.replier = new RobotReplier(dingTalk.transport(), new AppRobotApi(dingTalk.apiClient(), "dingrobot"),
				Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));
		dingTalk.stub("POST", WEBHOOK, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
		dingTalk.stub("POST", AppRobotApi.GROUP_SEND, 200, "{\"processQueryKey\":\"gpqk\"}");
		dingTalk.stub("POST", AppRobotApi.BATCH_SEND, 200,
				"{\"processQueryKey\":\"opqk\",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[\"zhangsan\"]}");
	}

	@Test
	void replyWhileTheWebhookIsValidPostsOnceToItWithoutTokenAndNeverToTheSendApis() {
		RobotReply reply = this.replier.reply(group(NOW.plus(Duration.ofMinutes(90))), RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.SESSION_WEBHOOK);
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(WEBHOOK)).withQueryParam("session", equalTo("0af1e2"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, absent())
				.withRequestBody(equalTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"收到\"}}")));
		dingTalk.server().verify(exactly(0), anyRequestedFor(urlPathMatching("/v1.0/.*")));
		dingTalk.server().verify(exactly(0), anyRequestedFor(urlPathEqualTo("/gettoken")));
	}

	@Test
	void replyInAGroupAfterTheWebhookExpiredGoesOnceToGroupSend() {
		RobotReply reply = this.replier.reply(group(NOW.minusSeconds(1)), RobotMessage.text("收到"));
		assertThat(reply).isEqualTo(new RobotReply(RobotReply.Channel.GROUP_SEND, "gpqk", List.of(), List.of()));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalToJson("{\"msgParam\":\"{\\\"content\\\":\\\"收到\\\"}\",\"msgKey\":\"sampleText\","
						+ "\"openConversationId\":\"cidGroup==\",\"robotCode\":\"dingrobot\"}")));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND)));
	}

	@Test
	void replyWithinTheSafetyMarginOfExpiryAlreadyFallsBack() {
		RobotReply reply = this.replier.reply(group(NOW.plusSeconds(59)), RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.GROUP_SEND);
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)));
	}

	@Test
	void replyInASingleChatAfterExpiryGoesOnceToBatchSendToTheSenderAndSurfacesThrottling() {
		RobotReply reply = this.replier.reply(single("zhangsan", NOW.minusSeconds(1)), RobotMessage.text("收到"));
		assertThat(reply).isEqualTo(new RobotReply(RobotReply.Channel.BATCH_SEND, "opqk", List.of(), List.of("zhangsan")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND)).withRequestBody(
					equalToJson("{\"robotCode\":\"dingrobot\",\"userIds\":[\"zhangsan\"],\"msgKey\":\"sampleText\","
							+ "\"msgParam\":\"{\\\"content\\\":\\\"收到\\\"}\"}")));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)));
	}

	@Test
	void webhookAnsweringSessionNotFoundFallsBackExactlyOnce() {
		dingTalk.stub("POST", WEBHOOK, 200, "{\"errcode\":300001,\"errmsg\":\"session 不存在\"}");
		RobotReply reply = this.replier.reply(group(NOW.plus(Duration.ofMinutes(30))), RobotMessage.text("收到"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.GROUP_SEND);
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)));
	}

	@Test
	void fallbackThatFailsTooIsNotTriedAgain() {
		dingTalk.stub("POST", WEBHOOK, 200, "{\"errcode\":300001,\"errmsg\":\"session 不存在\"}");
		dingTalk.stub("POST", AppRobotApi.GROUP_SEND, 400,
				"{\"code\":\"group.disbanded\",\"requestid\":\"r\",\"message\":\"群已解散\"}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.replier.reply(group(NOW.plus(Duration.ofMinutes(30))), RobotMessage.text("收到")))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)));
	}

	@Test
	void webhookRefusingTheContentIsATypedErrorWithoutFallback() {
		dingTalk.stub("POST", WEBHOOK, 200, "{\"errcode\":430102,\"errmsg\":\"含有不安全的文字\"}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.replier.reply(group(NOW.plus(Duration.ofMinutes(30))), RobotMessage.text("x")))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.API_ERROR);
				assertThat(ex.getErrcode()).isEqualTo(430102);
			})
			.withMessageContaining("refused the content")
			.withMessageNotContaining("0af1e2");
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(0), anyRequestedFor(urlPathMatching("/v1.0/.*")));
	}

	@Test
	void singleChatWithoutSenderStaffIdAfterExpiryIsRefusedWithoutSending() {
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.replier.reply(single(null, NOW.minusSeconds(1)), RobotMessage.text("x")))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("senderStaffId");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void imageReplyTakesTheSendApiEvenWhileTheWebhookIsValid() {
		RobotReply reply = this.replier.reply(group(NOW.plus(Duration.ofMinutes(30))), RobotMessage.image("@media"));
		assertThat(reply.channel()).isEqualTo(RobotReply.Channel.GROUP_SEND);
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(WEBHOOK)));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)));
	}

	@Test
	void actionCardRepliesUseTheWebhookFormatWithButtons() {
		this.replier.reply(group(NOW.plus(Duration.ofMinutes(30))), RobotMessage.actionCardSideBySide("审批", "请处理",
				new Button("同意", "https://a"), new Button("拒绝", "https://r")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(WEBHOOK)).withRequestBody(equalTo(
					"{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"审批\",\"text\":\"请处理\",\"btnOrientation\":\"1\","
							+ "\"btns\":[{\"title\":\"同意\",\"actionURL\":\"https://a\"},{\"title\":\"拒绝\",\"actionURL\":\"https://r\"}]}}")));
	}

	@Test
	void targetFromWireValuesParsesTypeAndExpiry() {
		ReplyTarget target = ReplyTarget.of(dingTalk.baseUrl() + WEBHOOK + "?session=0af1e2", 1690367502152L, "2",
				"cidAsXSBLnA==", "16650698", "dingrobot");
		assertThat(target.conversationType()).isEqualTo(ConversationType.GROUP);
		assertThat(target.sessionWebhookExpiresAt()).isEqualTo(Instant.ofEpochMilli(1690367502152L));
		assertThat(target.toString()).doesNotContain("0af1e2");
	}

	private static ReplyTarget group(Instant expiresAt) {
		return new ReplyTarget(URI.create(dingTalk.baseUrl() + WEBHOOK + "?session=0af1e2"), expiresAt,
				ConversationType.GROUP, "cidGroup==", "zhangsan", null);
	}

	private static ReplyTarget single(String staffId, Instant expiresAt) {
		return new ReplyTarget(URI.create(dingTalk.baseUrl() + WEBHOOK + "?session=0af1e2"), expiresAt,
				ConversationType.SINGLE, "cidSingle==", staffId, null);
	}

}
