package io.dingboot.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One fake hosting several apps in two organisations: tokens per app key, codes valid only with
 * the token of the app that issued them, users and departments per organisation.
 */
class FakeDingTalkAppsTests {

	private static final MutableClock clock = new MutableClock();

	static final FakeOrganization BRANCH = FakeOrganization.builder()
		.name("分公司")
		.app("dingbranchappkey", "branch-app-secret", "dingbranchcorp", "branch-corp-secret", 300001L)
		.user(FakeUser.builder("chenliu").name("陈六").departments(1).build())
		.build();

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(FakeDingTalk.builder()
		.clock(clock)
		.app("hr", "dinghrappkey", "hr-app-secret", "dingdemocorp")
		.app("branch", BRANCH));

	private FakeDingTalk fake;

	private FakeHttp http;

	@BeforeEach
	void connect() {
		this.fake = dingTalk.get();
		this.http = new FakeHttp(this.fake);
	}

	@Test
	void hostsTheDefaultAppAndTheAddedAppsInTheirOrganisations() {
		assertThat(this.fake.appNames()).containsExactly("default", "hr", "branch");
		assertThat(this.fake.app("default")).isEqualTo(FakeApp.demo());
		assertThat(this.fake.app("hr")).isEqualTo(FakeApp.of("dinghrappkey", "hr-app-secret", "dingdemocorp", 100002L));
		assertThat(this.fake.organizationOf("hr")).isSameAs(this.fake.organization());
		assertThat(this.fake.organizationOf("branch")).isSameAs(BRANCH);
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.app("oa"))
			.withMessage("The fake hosts no app named 'oa'; it hosts [default, hr, branch]");
	}

	@Test
	void eachAppKeyGetsItsOwnTokenAndItsOwnCount() {
		String demo = token("default");
		String hr = token("hr");
		String hrAgain = token("hr");
		assertThat(hr).isNotEqualTo(demo).isEqualTo(hrAgain);
		assertThat(token("branch")).isNotIn(demo, hr);
		assertThat(this.http.get("/gettoken?appkey=dinghrappkey&appsecret=demo-app-secret").path("errcode").asInt())
			.isEqualTo(40096);
		assertThat(this.fake.gettokenCount("default")).isEqualTo(1);
		assertThat(this.fake.gettokenCount("hr")).isEqualTo(3);
		assertThat(this.fake.gettokenCount("branch")).isEqualTo(1);
		assertThat(this.fake.gettokenCount()).isEqualTo(5);
	}

	@Test
	void anAppWithoutALegacySecretHasNoLegacyToken() {
		assertThat(this.http.get("/gettoken?corpid=dingdemocorp&corpsecret=").path("errcode").asInt())
			.isEqualTo(40089);
		assertThat(this.http.get("/gettoken?corpid=dingbranchcorp&corpsecret=branch-corp-secret")
			.path("access_token")
			.asString()).hasSize(32);
		assertThat(this.fake.gettokenCount("branch")).isEqualTo(1);
	}

	@Test
	void aCodeIsValidOnlyWithTheTokenOfTheAppThatIssuedIt() {
		String code = this.fake.issueAuthCode("hr", "zhangsan");
		JsonNode withDefault = userInfo("default", code);
		assertThat(withDefault.path("errcode").asInt()).isEqualTo(40078);
		JsonNode withBranch = userInfo("branch", code);
		assertThat(withBranch.path("errcode").asInt()).isEqualTo(40078);
		JsonNode withHr = userInfo("hr", code);
		assertThat(withHr.path("errcode").asInt()).isZero();
		assertThat(withHr.path("result").path("userid").asString()).isEqualTo("zhangsan");
		assertThat(userInfo("hr", code).path("errcode").asInt()).as("used once").isEqualTo(40078);
	}

	@Test
	void aCodeOfANamedAppExpiresAfterFiveMinutes() {
		String code = this.fake.issueAuthCode("hr", "zhangsan");
		clock.advance(Duration.ofMinutes(5));
		assertThat(userInfo("hr", code).path("errcode").asInt()).isEqualTo(40078);
	}

	@Test
	void usersAndDepartmentsAreThoseOfTheTokensOrganisation() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.issueAuthCode("branch", "zhangsan"))
			.withMessageContaining("No user 'zhangsan' in the organisation of the fake app 'branch' (分公司)");
		String code = this.fake.issueAuthCode("branch", "chenliu");
		assertThat(userInfo("branch", code).path("result").path("name").asString()).isEqualTo("陈六");
		JsonNode fromBranch = call("branch", "/topapi/v2/user/get", Map.of("userid", "chenliu"));
		assertThat(fromBranch.path("result").path("name").asString()).isEqualTo("陈六");
		assertThat(call("default", "/topapi/v2/user/get", Map.of("userid", "chenliu")).path("errcode").asInt())
			.isEqualTo(33012);
		assertThat(call("hr", "/topapi/v2/user/get", Map.of("userid", "zhangsan")).path("result").path("name")
			.asString()).isEqualTo("张三");
		assertThat(call("branch", "/topapi/user/listid", Map.of("dept_id", 1)).path("result").path("userid_list")
			.toString()).isEqualTo("[\"chenliu\"]");
		assertThat(call("branch", "/topapi/v2/department/listsub", Map.of()).path("result").size()).isZero();
	}

	@Test
	void eachAppHasItsOwnJsapiTicketAndSendsWithItsOwnAgentId() {
		String hrTicket = this.http.get("/get_jsapi_ticket?access_token=" + token("hr")).path("ticket").asString();
		String demoTicket = this.http.get("/get_jsapi_ticket?access_token=" + token("default")).path("ticket")
			.asString();
		assertThat(hrTicket).isNotEqualTo(demoTicket);
		Map<String, Object> text = Map.of("msgtype", "text", "text", Map.of("content", "hi"));
		assertThat(call("hr", "/topapi/message/corpconversation/asyncsend_v2",
				Map.of("agent_id", 100001L, "userid_list", "zhangsan", "msg", text))
			.path("errcode")
			.asInt()).isEqualTo(40056);
		assertThat(call("hr", "/topapi/message/corpconversation/asyncsend_v2",
				Map.of("agent_id", 100002L, "userid_list", "zhangsan", "msg", text))
			.path("errcode")
			.asInt()).isZero();
		assertThat(this.fake.sentMessages()).singleElement().satisfies((sent) -> assertThat(sent.agentId()).isEqualTo(100002L));
	}

	@Test
	void appsAddedAtRuntimeAreServedAndBadOnesRefused() {
		FakeApp oa = FakeApp.of("dingoaappkey", "oa-app-secret", "dingbranchcorp", 300002L);
		this.fake.addApp("oa", oa);
		assertThat(this.fake.organizationOf("oa")).isSameAs(BRANCH);
		String code = this.fake.issueAuthCode("oa", "chenliu");
		assertThat(userInfo("oa", code).path("result").path("userid").asString()).isEqualTo("chenliu");
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.addApp("oa", oa))
			.withMessage("The fake hosts an app named 'oa' already");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.fake.addApp("oa2", FakeApp.of("dinghrappkey", "x", "dingdemocorp", 1L)))
			.withMessage("The fake hosts an app with app key dinghrappkey already");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.fake.addApp("other", FakeApp.of("dingotherkey", "x", "dingnosuchcorp", 1L)))
			.withMessageContaining("knows no organisation with corp id dingnosuchcorp");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.fake.addApp("Bad_Name", FakeApp.of("dingbadkey", "x", "dingdemocorp", 1L)))
			.withMessageContaining("lowercase letters, digits and '-'");
	}

	@Test
	void resetKeepsTheAppsAndForgetsCodesAndCounts() {
		String code = this.fake.issueAuthCode("hr", "zhangsan");
		token("hr");
		this.fake.reset();
		assertThat(this.fake.appNames()).contains("hr");
		assertThat(this.fake.gettokenCount("hr")).isZero();
		assertThat(userInfo("hr", code).path("errcode").asInt()).isEqualTo(40078);
	}

	private String token(String app) {
		FakeApp credentials = this.fake.app(app);
		return this.http.get("/gettoken?appkey=" + credentials.appKey() + "&appsecret=" + credentials.appSecret())
			.path("access_token")
			.asString();
	}

	private JsonNode userInfo(String app, String code) {
		return call(app, "/topapi/v2/user/getuserinfo", Map.of("code", code));
	}

	private JsonNode call(String app, String path, Object body) {
		return this.http.postJson(path + "?access_token=" + token(app), body);
	}

}
