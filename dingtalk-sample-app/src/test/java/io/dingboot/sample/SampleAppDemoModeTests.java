package io.dingboot.sample;

import java.util.ArrayList;
import java.util.List;

import io.dingboot.message.Message;
import io.dingboot.message.WorkNotification;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.SentMessage;
import io.dingboot.test.stream.FakeStreamGateway;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints in demo mode (no credentials configured), over real HTTP with the
 * session and CSRF cookies a browser keeps.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleAppDemoModeTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Autowired
	UserApi users;

	@Autowired
	WorkNotificationApi notifications;

	SampleHttp http;

	@BeforeEach
	void newBrowser() {
		this.http = new SampleHttp(this.port);
		this.fake.resetJournal();
	}

	@Test
	void modeIsDemoWithTheFakesCorpIdAndEndpoints() {
		JsonNode mode = this.http.get("/api/mode").json();
		assertThat(mode.path("mode").asString()).isEqualTo("demo");
		assertThat(mode.path("corpId").asString()).isEqualTo("dingdemocorp");
		assertThat(mode.path("agentId").asLong()).isEqualTo(100001L);
		assertThat(mode.path("loginUrl").asString()).isEqualTo("/login/dingtalk");
		assertThat(mode.path("jsapiConfigUrl").asString()).isEqualTo("/dingtalk/jsapi/config");
		// events come through the fake's Stream gateway: no callback endpoint
		assertThat(mode.path("callbackEnabled").asBoolean()).isFalse();
		assertThat(mode.path("streamEnabled").asBoolean()).isTrue();
		assertThat(this.fake.baseUrl()).startsWith("http://127.0.0.1:");
	}

	@Test
	void pageIsServedWithoutLoginAndLoadsNothingFromOtherHosts() {
		Response page = this.http.getPage("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"user-picker\"", "id=\"login-button\"", "src=\"json-api.js\"", "src=\"app.js\"")
			.doesNotContain("alicdn", "src=\"http", "href=\"http");
		assertThat(this.http.getPage("/app.js").status()).isEqualTo(200);
		assertThat(this.http.getPage("/json-api.js").status()).isEqualTo(200);
		assertThat(this.http.getPage("/app.css").status()).isEqualTo(200);
	}

	@Test
	void faviconIsServedWithoutLoginAsIcoAndSvg() {
		assertThat(this.http.getPage("/").body()).contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">",
				"href=\"favicon.ico\"");
		Response ico = this.http.getPage("/favicon.ico");
		assertThat(ico.status()).isEqualTo(200);
		assertThat(ico.contentType()).isIn("image/x-icon", "image/vnd.microsoft.icon");
		Response svg = this.http.getPage("/favicon.svg");
		assertThat(svg.status()).isEqualTo(200);
		assertThat(svg.contentType()).startsWith("image/svg+xml");
		assertThat(svg.body()).startsWith("<svg ").doesNotContain("<script", "href=");
	}

	@Test
	void apiMeBeforeLoginIs401Json() {
		Response me = this.http.get("/api/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/json");
		assertThat(me.json().path("error").asString()).isEqualTo("unauthenticated");
	}

	@Test
	void demoUsersListsTheDemoOrganisationBeforeLogin() {
		Response users = this.http.get("/demo/users");
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.json()).hasSize(8);
		JsonNode zhangsan = users.json().get(2);
		assertThat(zhangsan.path("userid").asString()).isEqualTo("zhangsan");
		assertThat(zhangsan.path("name").asString()).isEqualTo("张三");
		assertThat(zhangsan.path("departments").get(0).asString()).isEqualTo("研发部");
		assertThat(zhangsan.path("avatar").asString()).startsWith("data:image/svg+xml;base64,");
	}

	@Test
	void demoAuthCodeIssuesACodeDingTalkResolvesToTheUser() {
		this.http.ensureCsrfToken();
		Response answer = this.http.post("/demo/auth-code?userid=lisi", null);
		assertThat(answer.status()).isEqualTo(200);
		String code = answer.json().path("code").asString();
		assertThat(this.users.getUserInfo(code).userid()).isEqualTo("lisi");
	}

	@Test
	void demoAuthCodeWithoutCsrfTokenIs403() {
		this.http.ensureCsrfToken();
		assertThat(this.http.post("/demo/auth-code?userid=lisi", null, false).status()).isEqualTo(403);
	}

	@Test
	void demoAuthCodeForUnknownUserIs404Json() {
		this.http.ensureCsrfToken();
		Response answer = this.http.post("/demo/auth-code?userid=nobody", null);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().path("error").asString()).isEqualTo("unknown_user");
		assertThat(answer.json().path("messageZh").asString()).isEqualTo("没有这个示例成员");
	}

	@Test
	void demoInboxAndEventsNeedLogin() {
		assertThat(this.http.get("/demo/inbox").status()).isEqualTo(401);
		assertThat(this.http.get("/api/events").status()).isEqualTo(401);
		this.http.ensureCsrfToken();
		assertThat(this.http.post("/demo/events", null).status()).isEqualTo(401);
	}

	@Test
	void ddConfigIsSignedWithTheFakesTicket() {
		Response config = this.http.get("/dingtalk/jsapi/config?url=http%3A%2F%2F127.0.0.1%3A" + this.port + "%2F");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().path("corpId").asString()).isEqualTo("dingdemocorp");
		assertThat(config.json().path("agentId").asString()).isEqualTo("100001");
		assertThat(config.json().path("signature").asString()).matches("[0-9a-f]{40}");
		assertThat(this.http.get("/dingtalk/jsapi/config?url=https%3A%2F%2Fevil.example%2F").status()).isEqualTo(400);
	}

	@Test
	void loginThenMeShowsNameAvatarDepartmentsAndAdminFlag() {
		Response login = this.http.demoLogin("admin01");
		assertThat(login.status()).isEqualTo(200);
		JsonNode me = this.http.get("/api/me").json();
		assertThat(me.path("userid").asString()).isEqualTo("admin01");
		assertThat(me.path("name").asString()).isEqualTo("管理员");
		assertThat(me.path("avatar").asString()).startsWith("data:image/svg+xml;base64,");
		assertThat(me.path("admin").asBoolean()).isTrue();
		assertThat(me.path("departments").get(0).path("name").asString()).isEqualTo("总部");

		this.http.demoLogin("zhangsan");
		me = this.http.get("/api/me").json();
		assertThat(me.path("name").asString()).isEqualTo("张三");
		assertThat(me.path("admin").asBoolean()).isFalse();
		assertThat(me.path("departments").get(0).path("id").asLong()).isEqualTo(2);
		assertThat(me.path("departments").get(0).path("name").asString()).isEqualTo("研发部");
	}

	@Test
	void loginWithAUsedCodeIs401AndStaysLoggedOut() {
		this.http.ensureCsrfToken();
		String code = this.http.post("/demo/auth-code?userid=lisi", null).json().path("code").asString();
		assertThat(this.http.login(code).status()).isEqualTo(200);
		SampleHttp other = new SampleHttp(this.port);
		assertThat(other.login(code).status()).isEqualTo(401);
		assertThat(other.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void departmentsCanBeBrowsed() {
		this.http.demoLogin("lisi");
		JsonNode children = this.http.get("/api/departments/1/children").json();
		assertThat(children.findValuesAsString("name")).containsExactly("研发部", "市场部", "财务部");
		JsonNode members = this.http.get("/api/departments/2/users").json();
		assertThat(members.findValuesAsString("userid")).containsExactly("zhangsan", "lisi");
		Response unknown = this.http.get("/api/departments/999/children");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("error").asString()).isEqualTo("not_found");
		assertThat(unknown.json().path("messageZh").asString()).isEqualTo("部门不存在");
		assertThat(unknown.json().path("message").asString()).isEqualTo("The department does not exist");
		assertThat(unknown.json().path("errcode").asInt()).isEqualTo(60003);
		assertThat(unknown.body()).doesNotContain("/topapi");
	}

	@Test
	void rootDepartmentIsServedUnderItsOwnName() {
		this.http.demoLogin("lisi");
		JsonNode root = this.http.get("/api/departments/1").json();
		assertThat(root.path("id").asLong()).isEqualTo(1);
		assertThat(root.path("name").asString()).isEqualTo("总部");
		assertThat(this.fake.callCount("/topapi/v2/department/get")).isEqualTo(1);
	}

	@Test
	void notificationRefusedByDingTalkIsExplainedInChineseAndEnglishWithoutTheApiPath() {
		this.http.demoLogin("zhangsan");
		this.fake.failNext("/topapi/message/corpconversation/asyncsend_v2", 1, 60011, "没有调用该接口的权限");
		Response answer = this.http.post("/api/notifications",
				"{\"userids\":[\"lisi\"],\"type\":\"text\",\"content\":\"hi\"}");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.json().path("error").asString()).isEqualTo("dingtalk_error");
		assertThat(answer.json().path("messageZh").asString())
			.isEqualTo("应用没有调用该接口的权限，请在开发者后台的权限管理中开通");
		assertThat(answer.json().path("message").asString())
			.isEqualTo("The app lacks the permission for this call; grant it in the developer console");
		assertThat(answer.json().path("detail").asString()).isEqualTo("errcode 60011 (没有调用该接口的权限)");
		assertThat(answer.json().path("errcode").asInt()).isEqualTo(60011);
		assertThat(answer.body()).doesNotContain("/topapi", "corpconversation");
		assertThat(this.fake.sentMessages()).isEmpty();
	}

	@Test
	void inboxShowsTheLatestFiftyNotificationsNewestFirst() {
		this.http.demoLogin("zhangsan");
		List<Long> taskIds = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			taskIds.add(this.notifications
				.send(WorkNotification.toUsers(List.of("lisi")).message(Message.text("第 " + i + " 条")).build())
				.taskId());
		}
		JsonNode inbox = this.http.get("/demo/inbox").json();
		assertThat(inbox).hasSize(50);
		assertThat(inbox.get(0).path("taskId").asLong()).isEqualTo(taskIds.get(54));
		assertThat(inbox.get(0).path("text").asString()).isEqualTo("第 54 条");
		assertThat(inbox.get(49).path("taskId").asLong()).isEqualTo(taskIds.get(5));
		assertThat(inbox.findValuesAsString("text")).doesNotContain("第 4 条", "第 0 条");
	}

	@Test
	void textNotificationReachesTheChosenUsersAndTheInbox() {
		this.http.demoLogin("zhangsan");
		Response sent = this.http.post("/api/notifications",
				"{\"userids\":[\"lisi\",\"wangwu\"],\"type\":\"text\",\"content\":\"周会改到下午三点\"}");
		assertThat(sent.status()).isEqualTo(200);
		long taskId = sent.json().path("taskId").asLong();
		assertThat(this.fake.sentMessagesTo("lisi")).singleElement().satisfies((message) -> {
			assertThat(message.taskId()).isEqualTo(taskId);
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.text()).isEqualTo("周会改到下午三点");
			assertThat(message.recipients()).containsExactly("lisi", "wangwu");
		});
		JsonNode inbox = this.http.get("/demo/inbox").json();
		assertThat(inbox.get(0).path("taskId").asLong()).isEqualTo(taskId);
		assertThat(inbox.get(0).path("recipientNames").get(0).asString()).isEqualTo("李四");
	}

	@Test
	void markdownLinkAndActionCardNotificationsAreSent() {
		this.http.demoLogin("zhangsan");
		assertThat(this.http.post("/api/notifications",
				"{\"userids\":[\"lisi\"],\"type\":\"markdown\",\"title\":\"周报\",\"text\":\"# 本周\"}").status())
			.isEqualTo(200);
		assertThat(this.http.post("/api/notifications", "{\"userids\":[\"lisi\"],\"type\":\"link\",\"title\":\"公告\","
				+ "\"text\":\"点开看\",\"messageUrl\":\"https://example.com\",\"picUrl\":\"@lALOdemo\"}").status())
			.isEqualTo(200);
		assertThat(this.http.post("/api/notifications", "{\"userids\":[\"lisi\"],\"type\":\"action_card\","
				+ "\"title\":\"审批\",\"markdown\":\"请审批\",\"singleTitle\":\"查看\",\"singleUrl\":\"https://example.com\"}")
			.status()).isEqualTo(200);
		assertThat(this.fake.sentMessagesTo("lisi")).extracting(SentMessage::msgType)
			.containsExactly("markdown", "link", "action_card");
		assertThat(this.fake.sentMessagesTo("lisi")).extracting(SentMessage::text)
			.containsExactly("# 本周", "点开看", "请审批");
	}

	@Test
	void invalidNotificationsAre400JsonAndNothingIsSent() {
		this.http.demoLogin("zhangsan");
		assertInvalid("{\"userids\":[],\"type\":\"text\",\"content\":\"hi\"}", "userids");
		assertInvalid("{\"type\":\"text\",\"content\":\"hi\"}", "userids");
		assertInvalid("{\"userids\":[\"lisi\"],\"type\":\"text\",\"content\":\"\"}", "text");
		assertInvalid("{\"userids\":[\"lisi\"],\"type\":\"sms\",\"content\":\"hi\"}", "sms");
		assertInvalid("{\"userids\":[\"lisi\"],\"type\":\"link\",\"title\":\"t\",\"text\":\"x\"}", "link");
		assertInvalid("{\"userids\":[\"li,si\"],\"type\":\"text\",\"content\":\"hi\"}", "comma");
		assertInvalid("not json", "JSON");
		assertThat(this.fake.sentMessages()).isEmpty();
		assertThat(this.fake.callCount("/topapi/message/corpconversation/asyncsend_v2")).isZero();
	}

	@Test
	void notificationsNeedLoginAndTheCsrfToken() {
		this.http.ensureCsrfToken();
		String body = "{\"userids\":[\"lisi\"],\"type\":\"text\",\"content\":\"hi\"}";
		assertThat(this.http.post("/api/notifications", body).status()).isEqualTo(401);
		this.http.demoLogin("zhangsan");
		assertThat(this.http.post("/api/notifications", body, false).status()).isEqualTo(403);
		assertThat(this.fake.sentMessages()).isEmpty();
	}

	@Test
	void simulatedContactEventTravelsThroughTheStreamGatewayIsAckedSuccessAndLoggedWithTheAppName() {
		this.http.demoLogin("zhangsan");
		FakeStreamGateway gateway = this.fake.stream();
		int acksBefore = gateway.acks().size();
		Response pushed = this.http.post("/demo/events?type=user_add_org&userid=wangwu", null);
		assertThat(pushed.status()).isEqualTo(200);
		assertThat(pushed.json().path("success").asBoolean()).isTrue();
		assertThat(pushed.json().path("ack").asString()).isEqualTo("SUCCESS");
		String eventId = pushed.json().path("eventId").asString();
		// exactly one ack at the gateway, SUCCESS: the listeners ran before it was sent
		assertThat(gateway.acks().subList(acksBefore, gateway.acks().size())).singleElement().satisfies((ack) -> {
			assertThat(ack.code()).isEqualTo(200);
			assertThat(ack.status()).isEqualTo("SUCCESS");
		});
		JsonNode events = this.http.get("/api/events").json();
		assertThat(events.get(0).path("eventId").asString()).isEqualTo(eventId);
		assertThat(events.get(0).path("eventType").asString()).isEqualTo("user_add_org");
		assertThat(events.get(0).path("appName").asString()).isEqualTo("default");
		assertThat(events.get(0).path("corpId").asString()).isEqualTo("dingdemocorp");
		assertThat(events.get(0).path("summary").asString()).isEqualTo("userId wangwu");
		assertThat(events.get(0).path("payload").path("userId").get(0).asString()).isEqualTo("wangwu");
		assertThat(events).filteredOn((event) -> event.path("eventId").asString().equals(eventId)).hasSize(1);

		Response dept = this.http.post("/demo/events?type=org_dept_create&userid=wangwu", null);
		assertThat(dept.status()).isEqualTo(200);
		assertThat(dept.json().path("ack").asString()).isEqualTo("SUCCESS");
		assertThat(this.http.get("/api/events").json().get(0).path("summary").asString()).isEqualTo("deptId [5]");
		assertThat(gateway.acks()).hasSize(acksBefore + 2);
		Response bogus = this.http.post("/demo/events?type=bogus", null);
		assertThat(bogus.status()).isEqualTo(400);
		assertThat(bogus.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(bogus.json().path("messageZh").asString()).isEqualTo("演示不支持这种事件类型");
		assertThat(bogus.json().path("detail").asString()).startsWith("type must be one of [user_add_org");
		assertThat(gateway.acks()).hasSize(acksBefore + 2);
	}

	@Test
	void logoutEndsTheSession() {
		this.http.demoLogin("zhangsan");
		assertThat(this.http.get("/api/me").status()).isEqualTo(200);
		assertThat(this.http.post("/logout", null).status()).isEqualTo(204);
		assertThat(this.http.get("/api/me").status()).isEqualTo(401);
	}

	private void assertInvalid(String body, String messagePart) {
		Response answer = this.http.post("/api/notifications", body);
		assertThat(answer.status()).as(body).isEqualTo(400);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("messageZh").asString()).as(body).isIn("请求不符合钉钉的规则", "请求内容不是预期的 JSON");
		assertThat(answer.json().path("message").asString() + " " + answer.json().path("detail").asString())
			.as(body)
			.containsIgnoringCase(messagePart);
		assertThat(answer.body()).as(body).doesNotContain("/api/notifications", "/topapi");
	}

}
