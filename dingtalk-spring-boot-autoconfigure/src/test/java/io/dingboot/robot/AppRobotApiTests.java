package io.dingboot.robot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.V1ApiWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppRobotApiTests {

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private AppRobotApi robot;

	@BeforeEach
	void reset() {
		this.robot = new AppRobotApi(dingTalk.reset(), "dingrobot");
	}

	@Test
	void batchSendPostsMsgParamAsAJsonStringWithTheTokenInTheHeaderAndSurfacesLeftOutUsers() {
		dingTalk.stub("POST", AppRobotApi.BATCH_SEND, 200,
				"{\"processQueryKey\":\"pqk1\",\"invalidStaffIdList\":[\"ghost\"],\"flowControlledStaffIdList\":[\"busy\"]}");
		BatchSendResult result = this.robot.sendToUsers(List.of("zhangsan", "ghost", "busy"), RobotMessage.text("月会通知"));
		assertThat(result).isEqualTo(new BatchSendResult("pqk1", List.of("ghost"), List.of("busy")));
		assertThat(result.reachedEveryone()).isFalse();
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withQueryParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.absent())
				.withRequestBody(equalTo("{\"robotCode\":\"dingrobot\",\"userIds\":[\"zhangsan\",\"ghost\",\"busy\"],"
						+ "\"msgKey\":\"sampleText\",\"msgParam\":\"{\\\"content\\\":\\\"月会通知\\\"}\"}")));
	}

	@Test
	void batchSendToMoreThanTwentyUsersIsRefusedBeforeAnythingIsSent() {
		List<String> users = IntStream.rangeClosed(1, 21).mapToObj((i) -> "user" + i).toList();
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.robot.sendToUsers(users, RobotMessage.text("hi")))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("at most 20");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void batchSendToTwentyUsersCountsDuplicatesOnce() {
		dingTalk.stub("POST", AppRobotApi.BATCH_SEND, 200, "{\"processQueryKey\":\"k\"}");
		List<String> users = new java.util.ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj((i) -> "user" + i).toList());
		users.add("user1");
		assertThat(this.robot.sendToUsers(users, RobotMessage.text("hi")).reachedEveryone()).isTrue();
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND)));
	}

	@Test
	void batchSendWithoutUsersIsRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.robot.sendToUsers(List.of(), RobotMessage.text("hi")))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST));
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void sendWithoutAnyRobotCodeIsRefusedNamingTheProperty() {
		AppRobotApi withoutCode = new AppRobotApi(dingTalk.apiClient(), null);
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> withoutCode.sendToGroup("cid1", RobotMessage.text("hi")))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("dingtalk.robot-code");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void robotCodeGivenPerCallWinsOverTheApps() {
		dingTalk.stub("POST", AppRobotApi.BATCH_SEND, 200, "{\"processQueryKey\":\"k\"}");
		this.robot.sendToUsers("otherrobot", List.of("zhangsan"), RobotMessage.text("hi"));
		dingTalk.server()
			.verify(postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND))
				.withRequestBody(equalToJson("{\"robotCode\":\"otherrobot\"}", true, true)));
	}

	@Test
	void groupSendWritesDingTalksDocumentedBodyExactly() {
		dingTalk.stub("POST", AppRobotApi.GROUP_SEND, 200, "{\"processQueryKey\":\"gpqk\"}");
		AppRobotApi api = new AppRobotApi(dingTalk.apiClient(), "dingue4kfzdxbynxxxxxx");
		String key = api.sendToGroup("cid6KeBBLoveMJOGXoYKF5x7EeiodoA==", RobotMessage.text("钉钉，让进步发生"));
		assertThat(key).isEqualTo("gpqk");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalTo("{\"msgParam\":\"{\\\"content\\\":\\\"钉钉，让进步发生\\\"}\",\"msgKey\":\"sampleText\","
						+ "\"openConversationId\":\"cid6KeBBLoveMJOGXoYKF5x7EeiodoA==\",\"robotCode\":\"dingue4kfzdxbynxxxxxx\"}")));
	}

	@Test
	void groupSendWithCoolAppCodeSendsIt() {
		dingTalk.stub("POST", AppRobotApi.GROUP_SEND, 200, "{\"processQueryKey\":\"gpqk\"}");
		this.robot.sendToGroup(null, "cid1", "COOLAPP", RobotMessage.markdown("t", "x"));
		dingTalk.server()
			.verify(postRequestedFor(urlPathEqualTo(AppRobotApi.GROUP_SEND)).withRequestBody(equalToJson(
					"{\"msgParam\":\"{\\\"title\\\":\\\"t\\\",\\\"text\\\":\\\"x\\\"}\",\"msgKey\":\"sampleMarkdown\","
							+ "\"openConversationId\":\"cid1\",\"robotCode\":\"dingrobot\",\"coolAppCode\":\"COOLAPP\"}")));
	}

	@Test
	void groupMessageOverFifteenThousandBytesIsRefusedBeforeSending() {
		String text = "钉".repeat(5001);
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.robot.sendToGroup("cid1", RobotMessage.text(text)))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("15000");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void dingTalksRefusalIsAnExceptionWithItsHttpStatusAndTheSendIsNotRepeated() {
		dingTalk.stub("POST", AppRobotApi.BATCH_SEND, 400,
				"{\"code\":\"invalidParameter.robotCode.auth\",\"requestid\":\"r1\",\"message\":\"此应用appkey和机器人robotCode不匹配\"}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.robot.sendToUsers(List.of("zhangsan"), RobotMessage.text("hi")))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(AppRobotApi.BATCH_SEND)));
	}

	@Test
	void recallOfOneToOneMessagesPostsKeysAndMapsWhatFailed() {
		dingTalk.stub("POST", AppRobotApi.BATCH_RECALL, 200,
				"{\"successResult\":[\"k1\"],\"failedResult\":{\"k2\":\"message expired\"}}");
		RecallResult result = this.robot.recallUserMessages(List.of("k1", "k2"));
		assertThat(result).isEqualTo(new RecallResult(List.of("k1"), Map.of("k2", "message expired")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/robot/otoMessages/batchRecall"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalTo("{\"robotCode\":\"dingrobot\",\"processQueryKeys\":[\"k1\",\"k2\"]}")));
	}

	@Test
	void recallOfGroupMessagesNamesTheGroup() {
		dingTalk.stub("POST", AppRobotApi.GROUP_RECALL, 200, "{\"successResult\":[\"k1\"],\"failedResult\":{}}");
		RecallResult result = this.robot.recallGroupMessages("cid1", List.of("k1"));
		assertThat(result.recalled()).containsExactly("k1");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/robot/groupMessages/recall")).withRequestBody(
					equalTo("{\"openConversationId\":\"cid1\",\"robotCode\":\"dingrobot\",\"processQueryKeys\":[\"k1\"]}")));
	}

	@Test
	void recallOfMoreThanTwentyKeysIsRefusedBeforeSending() {
		List<String> keys = IntStream.rangeClosed(1, 21).mapToObj((i) -> "k" + i).toList();
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.robot.recallUserMessages(keys))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST));
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void readStatusGetsWithQueryParametersAndMapsEachRecipient() {
		dingTalk.stub("GET", AppRobotApi.READ_STATUS, 200, """
				{"sendStatus":"SUCCESS","messageReadInfoList":[
				 {"name":"张三","userId":"zhangsan","readStatus":"READ","readTimestamp":1690362101894},
				 {"name":"李四","userId":"lisi","readStatus":"UNREAD"}]}""");
		ReadStatus status = this.robot.readStatus("pqk1");
		assertThat(status.sendStatus()).isEqualTo("SUCCESS");
		assertThat(status.reads()).containsExactly(
				new ReadStatus.Read("zhangsan", "张三", "READ", Instant.ofEpochMilli(1690362101894L)),
				new ReadStatus.Read("lisi", "李四", "UNREAD", null));
		assertThat(status.readBy()).containsExactly("zhangsan");
		dingTalk.server()
			.verify(exactly(1), getRequestedFor(urlPathEqualTo(AppRobotApi.READ_STATUS))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withQueryParam("robotCode", equalTo("dingrobot"))
				.withQueryParam("processQueryKey", equalTo("pqk1")));
	}

	@Test
	void downloadOfAReceivedFileAnswersTheDownloadUrl() {
		dingTalk.stub("POST", AppRobotApi.DOWNLOAD, 200, "{\"downloadUrl\":\"https://download.example/f?x=1\"}");
		assertThat(this.robot.downloadUrl("dc1")).isEqualTo("https://download.example/f?x=1");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/robot/messageFiles/download"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalTo("{\"downloadCode\":\"dc1\",\"robotCode\":\"dingrobot\"}")));
	}

	@Test
	void downloadAnswerWithoutUrlIsAnInvalidResponse() {
		dingTalk.stub("POST", AppRobotApi.DOWNLOAD, 200, "{}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.robot.downloadUrl("dc1"))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_RESPONSE));
	}

}
