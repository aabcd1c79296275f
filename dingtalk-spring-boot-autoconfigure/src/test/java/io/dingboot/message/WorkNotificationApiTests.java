package io.dingboot.message;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.message.Message.ActionCard.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkNotificationApiTests {

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}";

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private WorkNotificationApi notifications;

	@BeforeEach
	void reset() {
		this.notifications = new WorkNotificationApi(dingTalk.reset(), 836390886L);
	}

	@Test
	void sendTextToUsersPostsCommaSeparatedUsersAndMsgObject() {
		dingTalk.stubPost(SEND, OK);
		NotificationTask task = this.notifications
			.send(WorkNotification.toUsers("zhangsan", "lisi").message(Message.text("月会通知")).build());
		assertThat(task).isEqualTo(new NotificationTask(256271667526L, 836390886L));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("t"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("""
						{"agent_id":836390886,"userid_list":"zhangsan,lisi",
						 "msg":{"msgtype":"text","text":{"content":"月会通知"}}}""")));
	}

	@Test
	void sendToDepartmentsAndUsersWithAgentIdPerCall() {
		dingTalk.stubPost(SEND, OK);
		NotificationTask task = this.notifications.send(WorkNotification.toDepartments(1001L, 1002L)
			.toUsers("u1")
			.message(Message.image("@lADOADmaWMzazQKA"))
			.agentId(42)
			.build());
		assertThat(task.agentId()).isEqualTo(42);
		verifySent("""
				{"agent_id":42,"userid_list":"u1","dept_id_list":"1001,1002",
				 "msg":{"msgtype":"image","image":{"media_id":"@lADOADmaWMzazQKA"}}}""");
	}

	@Test
	void sendToAllUsers() {
		dingTalk.stubPost(SEND, OK);
		this.notifications.send(WorkNotification.toAllUsers().message(Message.file("MEDIA_ID")).build());
		verifySent("""
				{"agent_id":836390886,"to_all_user":true,"msg":{"msgtype":"file","file":{"media_id":"MEDIA_ID"}}}""");
	}

	@Test
	void sendVoice() {
		assertMsg(Message.voice("@lADO", 10), """
				{"msgtype":"voice","voice":{"media_id":"@lADO","duration":"10"}}""");
	}

	@Test
	void sendLinkUsesCamelCaseUrls() {
		assertMsg(Message.link("http://dingtalk.com", "@lALOACZwe2Rk", "测试", "测试文本"), """
				{"msgtype":"link","link":{"messageUrl":"http://dingtalk.com","picUrl":"@lALOACZwe2Rk",
				 "title":"测试","text":"测试文本"}}""");
	}

	@Test
	void sendOaWithEveryPart() {
		Message oa = Message.oa()
			.messageUrl("http://dingtalk.com")
			.pcMessageUrl("http://dingtalk.com/pc")
			.head("FFBBBBBB", "头部标题")
			.statusBar("进行中", "0xFFF65E5E")
			.title("正文标题")
			.form("姓名:", "张三")
			.form("年龄:", "20")
			.rich("15.6", "元")
			.content("大段文本")
			.image("@lADOADmaWMzazQKA")
			.fileCount(3)
			.author("李四 ")
			.build();
		assertMsg(oa, """
				{"msgtype":"oa","oa":{"message_url":"http://dingtalk.com","pc_message_url":"http://dingtalk.com/pc",
				 "head":{"bgcolor":"FFBBBBBB","text":"头部标题"},
				 "status_bar":{"status_value":"进行中","status_bg":"0xFFF65E5E"},
				 "body":{"title":"正文标题","form":[{"key":"姓名:","value":"张三"},{"key":"年龄:","value":"20"}],
				         "rich":{"num":"15.6","unit":"元"},"content":"大段文本","image":"@lADOADmaWMzazQKA",
				         "file_count":"3","author":"李四 "}}}""");
	}

	@Test
	void sendMarkdown() {
		assertMsg(Message.markdown("首屏会话透出的展示内容", "# 标题  \n  内容"), """
				{"msgtype":"markdown","markdown":{"title":"首屏会话透出的展示内容","text":"# 标题  \\n  内容"}}""");
	}

	@Test
	void sendActionCardWithSingleButton() {
		assertMsg(Message.actionCard("标题", "支持markdown格式的正文内容", "查看详情", "https://open.dingtalk.com"), """
				{"msgtype":"action_card","action_card":{"title":"标题","markdown":"支持markdown格式的正文内容",
				 "single_title":"查看详情","single_url":"https://open.dingtalk.com"}}""");
	}

	@Test
	void sendActionCardWithButtonList() {
		assertMsg(Message.actionCard("标题", "正文", true, List.of(new Button("一个按钮", "https://www.taobao.com"),
				new Button("两个按钮", "https://www.tmall.com"))), """
				{"msgtype":"action_card","action_card":{"title":"标题","markdown":"正文","btn_orientation":"1",
				 "btn_json_list":[{"title":"一个按钮","action_url":"https://www.taobao.com"},
				                  {"title":"两个按钮","action_url":"https://www.tmall.com"}]}}""");
	}

	@Test
	void sendWhenDingTalkRefusesThenThrowsItsErrorAndDoesNotRetry() {
		dingTalk.stubPost(SEND, "{\"errcode\":40056,\"errmsg\":\"不合法的agentid\",\"request_id\":\"r\"}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.notifications.send(WorkNotification.toUsers("u").message(Message.text("x")).build()))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.API_ERROR);
				assertThat(ex.getEffectiveCode()).isEqualTo(40056);
				assertThat(ex.getApiPath()).isEqualTo(SEND);
			});
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(SEND)));
	}

	@Test
	void sendWhenServerFailsWithHttp500ThenDoesNotRepeatTheSend() {
		dingTalk.server().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.notifications.send(WorkNotification.toUsers("u").message(Message.text("x")).build()));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(SEND)));
	}

	@Test
	void getSendProgressPostsAgentIdAndTaskId() {
		dingTalk.stubPost("/topapi/message/corpconversation/getsendprogress",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"progress\":{\"progress_in_percent\":100,\"status\":2},\"request_id\":\"r\"}");
		SendProgress progress = this.notifications.getSendProgress(256271667526L);
		assertThat(progress).isEqualTo(new SendProgress(100, 2));
		assertThat(progress.isDone()).isTrue();
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/getsendprogress"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"agent_id\":836390886,\"task_id\":256271667526}")));
	}

	@Test
	void getSendResultMapsEveryListAndForbiddenCodes() {
		dingTalk.stubPost("/topapi/message/corpconversation/getsendresult", """
				{"errcode":0,"errmsg":"ok","send_result":{"invalid_user_id_list":["x1"],"forbidden_user_id_list":["x2"],
				 "failed_user_id_list":["x3"],"read_user_id_list":["manager4220"],"unread_user_id_list":["x4"],
				 "invalid_dept_id_list":[99],"forbidden_list":[{"code":"143105","count":1,"userid":"user123"}]},
				 "request_id":"r"}""");
		SendResult result = this.notifications.getSendResult(7, 256271667526L);
		assertThat(result).isEqualTo(new SendResult(List.of("x1"), List.of("x2"), List.of("x3"), List.of("manager4220"),
				List.of("x4"), List.of(99L), List.of(new SendResult.Forbidden("143105", 1, "user123"))));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/getsendresult"))
				.withRequestBody(equalToJson("{\"agent_id\":7,\"task_id\":256271667526}")));
	}

	@Test
	void getSendResultWithMissingListsGivesEmptyLists() {
		dingTalk.stubPost("/topapi/message/corpconversation/getsendresult",
				"{\"errcode\":0,\"send_result\":{\"read_user_id_list\":[\"a\"]}}");
		SendResult result = this.notifications.getSendResult(1L);
		assertThat(result.readUserIdList()).containsExactly("a");
		assertThat(result.forbiddenList()).isEmpty();
		assertThat(result.invalidDeptIdList()).isEmpty();
	}

	@Test
	void recallPostsAgentIdAndMsgTaskId() {
		dingTalk.stubPost("/topapi/message/corpconversation/recall", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		this.notifications.recall(256271667526L);
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/recall"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"agent_id\":836390886,\"msg_task_id\":256271667526}")));
	}

	@Test
	void recallWhenTaskIsUnknownThenThrows400002() {
		dingTalk.stubPost("/topapi/message/corpconversation/recall", "{\"errcode\":400002,\"errmsg\":\"无效的参数\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.notifications.recall(1, 2))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(400002));
	}

	@Test
	void sendRefusesEmptyReceivers() {
		assertRefused(() -> WorkNotification.toUsers().message(Message.text("x")).build(), "no receivers");
		assertRefused(() -> WorkNotification.toUsers("a", " ").message(Message.text("x")).build(), "empty userid");
		assertRefused(() -> WorkNotification.toUsers("a,b").message(Message.text("x")).build(), "must not contain ','");
		assertRefused(() -> WorkNotification.toDepartments(0L).message(Message.text("x")).build(),
				"invalid department id");
		assertRefused(() -> WorkNotification.toAllUsers().toUsers("a").message(Message.text("x")).build(),
				"to_all_user cannot be combined");
	}

	@Test
	void sendRefusesOverLongReceiverLists() {
		List<String> users = IntStream.rangeClosed(1, 101).mapToObj((i) -> "u" + i).toList();
		assertRefused(() -> WorkNotification.toUsers(users).message(Message.text("x")).build(),
				"userid_list has 101 users; DingTalk accepts at most 100");
		List<Long> depts = LongStream.rangeClosed(1, 21).boxed().toList();
		assertRefused(() -> WorkNotification.toDepartments(depts).message(Message.text("x")).build(),
				"dept_id_list has 21 departments; DingTalk accepts at most 20");
	}

	@Test
	void sendAcceptsExactlyTheDocumentedMaximumOfReceivers() {
		dingTalk.stubPost(SEND, OK);
		List<String> users = IntStream.rangeClosed(1, 100).mapToObj((i) -> "u" + i).toList();
		List<Long> depts = LongStream.rangeClosed(1, 20).boxed().toList();
		this.notifications.send(WorkNotification.toUsers(users).toDepartments(depts).message(Message.text("x")).build());
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(SEND)));
	}

	@Test
	void sendRefusesMsgOverTwoKilobytes() {
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.text("中".repeat(700))).build(),
				"DingTalk accepts at most 2048");
	}

	@Test
	void sendRefusesLinkWithAMissingField() {
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.link("http://a", "@pic", "标题", "")).build(),
				"link.text is required");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.link(null, "@pic", "标题", "x")).build(),
				"link.messageUrl is required");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.link("http://a", " ", "标题", "x")).build(),
				"link.picUrl is required");
	}

	@Test
	void sendRefusesActionCardWithBothOrNeitherButtonForm() {
		assertRefused(() -> WorkNotification.toUsers("u")
			.message(new Message.ActionCard("t", "m", "查看", "https://a", "0", List.of(new Button("b", "https://b"))))
			.build(), "both single_title/single_url and btn_json_list");
		assertRefused(() -> WorkNotification.toUsers("u")
			.message(new Message.ActionCard("t", "m", null, null, null, List.of()))
			.build(), "neither single_title/single_url nor btn_json_list");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.actionCard("t", "m", "查看", null)).build(),
				"action_card.single_url is required");
	}

	@Test
	void sendRefusesStatusBarForMoreThanFiveUsersOrForDepartments() {
		Message withStatusBar = Message.oa()
			.messageUrl("http://a")
			.head("FFBBBBBB", "h")
			.statusBar("进行中", "0xFFF65E5E")
			.title("t")
			.build();
		assertRefused(() -> WorkNotification.toUsers("a", "b", "c", "d", "e", "f").message(withStatusBar).build(),
				"status_bar is only shown for at most 5 users, not 6");
		assertRefused(() -> WorkNotification.toDepartments(1L).message(withStatusBar).build(),
				"not with dept_id_list or to_all_user");
		assertRefused(() -> WorkNotification.toAllUsers().message(withStatusBar).build(),
				"not with dept_id_list or to_all_user");
	}

	@Test
	void sendRefusesBgcolorThatIsNotEightHexDigits() {
		for (String bgcolor : new String[] { "0xFFBBBBBB", "FFBBBB", "GGBBBBBB", null }) {
			assertRefused(() -> WorkNotification.toUsers("u")
				.message(Message.oa().messageUrl("http://a").head(bgcolor, "h").title("t").build())
				.build(), "bgcolor must be 8 hex digits");
		}
	}

	@Test
	void sendRefusesMessagesMissingRequiredParts() {
		assertRefused(() -> WorkNotification.toUsers("u").build(), "msg is missing");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.text(" ")).build(), "text.content is required");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.image(null)).build(),
				"image.media_id is required");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.voice("@v", 60)).build(),
				"voice.duration must be 1 to 59 seconds");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.markdown("t", "")).build(),
				"markdown.text is required");
		assertRefused(() -> WorkNotification.toUsers("u").message(Message.oa().head("FFBBBBBB", "h").build()).build(),
				"oa.message_url is required");
	}

	@Test
	void sendWithoutAnyAgentIdIsRefused() {
		WorkNotificationApi withoutAgent = new WorkNotificationApi(dingTalk.client(), null);
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> withoutAgent.send(WorkNotification.toUsers("u").message(Message.text("x")).build()))
			.withMessageContaining("dingtalk.agent-id");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> withoutAgent.getSendProgress(1))
			.withMessageContaining("dingtalk.agent-id");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	private void assertMsg(Message message, String msgJson) {
		dingTalk.stubPost(SEND, OK);
		this.notifications.send(WorkNotification.toUsers("u1").message(message).build());
		verifySent("{\"agent_id\":836390886,\"userid_list\":\"u1\",\"msg\":" + msgJson + "}");
	}

	private void verifySent(String json) {
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson(json)));
	}

	private void assertRefused(Supplier<WorkNotification> notification, String rule) {
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.notifications.send(notification.get()))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST);
				assertThat(ex.getApiPath()).isEqualTo(SEND);
			})
			.withMessageContaining(rule);
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

}
