package io.dingboot.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with three apps over real HTTP: {@code default} and {@code hr} in the fake's
 * organisation, {@code branch} in an organisation of its own, and {@code oa}, left out of login and
 * dd.config. The application defines the top-level app ({@code dingtalk.app-key}, whose value the
 * fake replaces) and the named apps (one key each). No test resets the journal, so every count is over the whole class: one
 * {@code gettoken} per app however many logins and signatures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.app-key=set-by-the-fake", "dingtalk.login.enabled=true", "dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.agent-id=1",
				"dingtalk.apps.branch.agent-id=1", "dingtalk.apps.oa.login.enabled=false",
				"dingtalk.apps.oa.jsapi.enabled=false" })
@AutoConfigureFakeDingTalk(
		apps = @AutoConfigureFakeDingTalk.App(name = "branch", organization = "classpath:io/dingboot/test/org.yml"))
class SeveralAppsEndToEndTests {

	private static final JsonMapper json = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkApps apps;

	String baseUrl;

	@BeforeEach
	void setUp() {
		this.baseUrl = "http://127.0.0.1:" + this.port;
	}

	@Test
	void theFakeHostsEveryAppOfTheApplication() {
		assertThat(this.fake.appNames()).containsExactlyInAnyOrder("default", "branch", "hr", "oa");
		assertThat(this.apps.names()).containsExactlyInAnyOrder("default", "hr", "branch", "oa");
		assertThat(this.apps.get("hr").appKey()).isEqualTo(this.fake.app("hr").appKey()).isEqualTo("dinghrappkey");
		assertThat(this.apps.get("branch").corpId()).isEqualTo("dingtestcorp");
		assertThat(this.apps.get("branch").agentId()).isEqualTo(42L);
	}

	@Test
	void loginAtEachAppsUrlGivesAPrincipalOfThatAppAndOrganisationWithOneTokenPerApp() {
		JsonNode main = json.readTree(this.fake.login("zhangsan").body());
		assertThat(main.path("userid").asString()).isEqualTo("zhangsan");
		assertThat(main.path("app").asString()).isEqualTo("default");
		assertThat(main.path("corpId").asString()).isEqualTo("dingdemocorp");
		DingTalkSession hrSession = this.fake.login("hr", "lisi");
		JsonNode hr = json.readTree(hrSession.body());
		assertThat(hr.path("userid").asString()).isEqualTo("lisi");
		assertThat(hr.path("app").asString()).isEqualTo("hr");
		assertThat(hr.path("corpId").asString()).isEqualTo("dingdemocorp");
		JsonNode branch = json.readTree(this.fake.login("branch", "alice").body());
		assertThat(branch.path("userid").asString()).isEqualTo("alice");
		assertThat(branch.path("name").asString()).isEqualTo("爱丽丝");
		assertThat(branch.path("app").asString()).isEqualTo("branch");
		assertThat(branch.path("corpId").asString()).isEqualTo("dingtestcorp");
		this.fake.login("hr", "wangwu");
		JsonNode me = json.readTree(get("/api/me", hrSession));
		assertThat(me.path("userid").asString()).isEqualTo("lisi");
		assertThat(this.fake.gettokenCount("default")).isEqualTo(1);
		assertThat(this.fake.gettokenCount("hr")).isEqualTo(1);
		assertThat(this.fake.gettokenCount("branch")).isEqualTo(1);
		assertThat(this.fake.gettokenCount("oa")).isZero();
	}

	@Test
	void aCodeOfOneAppPresentedAtAnotherAppsUrlIsRefusedAndStaysValidForItsApp() {
		String code = this.fake.issueAuthCode("hr", "zhangsan");
		int exchanges = this.fake.callCount("/topapi/v2/user/getuserinfo");
		HttpResponse<String> atDefault = postCode("/login/dingtalk", code);
		assertThat(atDefault.statusCode()).isEqualTo(401);
		assertThat(atDefault.body()).isEqualTo("{\"error\":\"invalid_code\","
				+ "\"message\":\"The DingTalk auth code is unknown, used or expired; request a new one\"}");
		assertThat(postCode("/login/dingtalk/branch", code).statusCode()).isEqualTo(401);
		HttpResponse<String> atHr = postCode("/login/dingtalk/hr", code);
		assertThat(atHr.statusCode()).isEqualTo(200);
		assertThat(json.readTree(atHr.body()).path("app").asString()).isEqualTo("hr");
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo") - exchanges).isEqualTo(3);
	}

	@Test
	void unknownAppAndAppLeftOutOfLoginAnswer404JsonWithoutCallingDingTalk() {
		int exchanges = this.fake.callCount("/topapi/v2/user/getuserinfo");
		String notFound = "{\"error\":\"unknown_app\",\"message\":\"No DingTalk app logs users in at this URL\"}";
		DingTalkSession unknown = DingTalkLogin.to(this.baseUrl)
			.processingUrl("/login/dingtalk/nosuch")
			.attempt(this.fake, "zhangsan");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo(notFound);
		DingTalkSession leftOut = DingTalkLogin.to(this.baseUrl).app("oa").attempt(this.fake, "zhangsan");
		assertThat(leftOut.status()).isEqualTo(404);
		assertThat(leftOut.body()).isEqualTo(notFound);
		assertThat(leftOut.isLoggedIn()).isFalse();
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo")).isEqualTo(exchanges);
	}

	@Test
	void ddConfigOfANamedAppIsSignedWithThatAppsCorpAgentAndTicket() throws Exception {
		String page = this.baseUrl + "/index.html?tab=2";
		JsonNode hr = json.readTree(get("/dingtalk/jsapi/config?url=" + encode(page) + "&app=hr", null));
		assertThat(hr.propertyNames()).containsExactly("agentId", "corpId", "timeStamp", "nonceStr", "signature");
		assertThat(hr.path("agentId").asLong()).isEqualTo(this.fake.app("hr").agentId());
		assertThat(hr.path("corpId").asString()).isEqualTo("dingdemocorp");
		assertThat(hr.path("signature").asString()).isEqualTo(sha1("jsapi_ticket=" + this.fake.jsapiTicket("hr")
				+ "&noncestr=" + hr.path("nonceStr").asString() + "&timestamp=" + hr.path("timeStamp").asString()
				+ "&url=" + page));
		JsonNode main = json.readTree(get("/dingtalk/jsapi/config?url=" + encode(page), null));
		assertThat(main.path("agentId").asLong()).isEqualTo(100001L);
		assertThat(main.path("signature").asString()).isEqualTo(sha1("jsapi_ticket="
				+ this.fake.jsapiTicket("default") + "&noncestr=" + main.path("nonceStr").asString() + "&timestamp="
				+ main.path("timeStamp").asString() + "&url=" + page));
		JsonNode branch = json.readTree(get("/dingtalk/jsapi/config?url=" + encode(page) + "&app=branch", null));
		assertThat(branch.path("corpId").asString()).isEqualTo("dingtestcorp");
		assertThat(branch.path("agentId").asLong()).isEqualTo(42L);
		assertThat(this.fake.jsapiTicket("hr")).isNotIn(this.fake.jsapiTicket("default"),
				this.fake.jsapiTicket("branch"));
		assertThat(this.fake.gettokenCount("hr")).isEqualTo(1);
	}

	@Test
	void ddConfigOfAnUnknownAppOrOfAnAppLeftOutAnswers404Json() {
		String page = encode(this.baseUrl + "/index.html");
		String notFound = "{\"error\":\"unknown_app\",\"message\":\"No DingTalk app signs dd.config under this name\"}";
		HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(this.baseUrl
				+ "/dingtalk/jsapi/config?url=" + page + "&app=nosuch")).GET().build(), null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo(notFound);
		HttpResponse<String> leftOut = send(HttpRequest.newBuilder(URI.create(this.baseUrl
				+ "/dingtalk/jsapi/config?url=" + page + "&app=oa")).GET().build(), null);
		assertThat(leftOut.statusCode()).isEqualTo(404);
		assertThat(leftOut.body()).isEqualTo(notFound);
		assertThat(this.fake.gettokenCount("oa")).isZero();
	}

	@Test
	void anAppRegisteredAtRuntimeLogsUsersInAndSignsPages() throws Exception {
		FakeApp late = FakeApp.of("dinglateappkey", "late-app-secret", "dingdemocorp", 100077L);
		this.fake.addApp("late", late);
		this.apps.register("late", DingTalkAppSettings.of(late.appKey(), late.appSecret())
			.withCorpId(late.corpId())
			.withAgentId(late.agentId()));
		try {
			JsonNode user = json.readTree(this.fake.login("late", "zhaoliu").body());
			assertThat(user.path("app").asString()).isEqualTo("late");
			assertThat(user.path("corpId").asString()).isEqualTo("dingdemocorp");
			JsonNode config = json.readTree(get("/dingtalk/jsapi/config?url="
					+ encode(this.baseUrl + "/index.html") + "&app=late", null));
			assertThat(config.path("agentId").asLong()).isEqualTo(100077L);
			assertThat(this.fake.gettokenCount("late")).isEqualTo(1);
		}
		finally {
			this.apps.remove("late");
		}
		assertThat(DingTalkLogin.to(this.baseUrl).app("late").attempt(this.fake, "zhaoliu").status()).isEqualTo(404);
	}

	private String get(String path, DingTalkSession session) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json");
		if (session != null) {
			request.header("Cookie", session.cookieHeader());
		}
		HttpResponse<String> answer = send(request.GET().build(), null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return answer.body();
	}

	/**
	 * Post a given code to a login URL as the page does, with the CSRF token of the application's
	 * cookie.
	 */
	private HttpResponse<String> postCode(String path, String code) {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", "application/json").GET().build(),
				cookies);
		String csrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
			.build(), cookies);
	}

	private static HttpResponse<String> send(HttpRequest request, CookieManager cookies) {
		HttpClient.Builder client = HttpClient.newBuilder();
		if (cookies != null) {
			client.cookieHandler(cookies);
		}
		try {
			return client.build().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String sha1(String text) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
