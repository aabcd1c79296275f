package io.dingboot.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.authentication.DingTalkUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login through DingBoot's default chain, over real HTTP: the application, the fake's
 * authorize page and the callback, each redirect inspected rather than followed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.login.enabled=true", "dingtalk.login.browser.enabled=true",
				"logging.level.io.dingboot=DEBUG" })
@AutoConfigureFakeDingTalk
@ExtendWith(OutputCaptureExtension.class)
class BrowserLoginOverHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	private CookieBrowser browser;

	@BeforeEach
	void setUp() {
		this.fake.resetJournal();
		this.fake.clearFaults();
		this.browser = new CookieBrowser();
	}

	@Test
	void loginRedirectsToTheAuthorizePageWithDingTalksExactQuery() throws Exception {
		HttpResponse<String> start = this.browser.get(app("/oauth2/authorization/dingtalk"));
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
			.isEqualTo(this.fake.baseUrl() + "/oauth2/auth");
		Map<String, String> query = query(authorize);
		assertThat(query.keySet()).containsExactlyInAnyOrder("response_type", "client_id", "scope", "state",
				"redirect_uri", "prompt");
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", this.fake.organization().app().appKey())
			.containsEntry("scope", "openid")
			.containsEntry("prompt", "consent")
			.containsEntry("redirect_uri", app("/login/oauth2/code/dingtalk"));
		assertThat(query.get("state")).hasSizeGreaterThan(20);
	}

	@Test
	void loginWithAuthCodeGivesTheSamePrincipalAsFreeLoginAndANewSession(CapturedOutput output) throws Exception {
		URI authorize = startLogin();
		String sessionBefore = this.browser.cookie("JSESSIONID");
		URI callback = pick(authorize, "zhangsan");
		Map<String, String> back = query(callback);
		assertThat(back.get("state")).isEqualTo(query(authorize).get("state"));
		String code = back.get("authCode");
		HttpResponse<String> done = this.browser.get(withoutCode(callback));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValue(app("/"));
		assertThat(this.browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(sessionBefore);
		assertThat(this.fake.callCount("/v1.0/oauth2/userAccessToken")).isEqualTo(1);
		assertThat(this.fake.callCount("/v1.0/contact/users/me")).isEqualTo(1);
		assertThat(this.fake.callCount("/topapi/user/getbyunionid")).isEqualTo(1);
		assertThat(this.fake.callCount("/topapi/v2/user/get")).isEqualTo(1);

		HttpResponse<String> principal = this.browser.get(app("/api/principal"), "application/json");
		assertThat(principal.statusCode()).isEqualTo(200);
		JsonNode viaBrowser = JsonMapper.shared().readTree(principal.body());
		DingTalkSession freeLogin = this.fake.login("zhangsan");
		HttpResponse<String> free = HttpClient.newHttpClient()
			.send(freeLogin.applyTo(HttpRequest.newBuilder(URI.create(app("/api/principal")))).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(viaBrowser.toString()).isEqualTo(JsonMapper.shared().readTree(free.body()).toString());
		assertThat(viaBrowser.path("userid").asString()).isEqualTo("zhangsan");
		assertThat(viaBrowser.path("name").asString()).isEqualTo("张三");
		assertThat(viaBrowser.path("app").asString()).isEqualTo("default");
		assertThat(viaBrowser.path("deptIds").toString()).isEqualTo("[2]");

		assertThat(output).doesNotContain(code).doesNotContain(this.fake.organization().app().appSecret());
	}

	@Test
	void logoutNeedsTheCsrfToken() throws Exception {
		this.browser.get(withoutCode(pick(startLogin(), "lisi")));
		assertThat(this.browser.get(app("/api/principal"), "application/json").statusCode()).isEqualTo(200);
		assertThat(this.browser.post(app("/logout"), null).statusCode()).isEqualTo(403);
		assertThat(this.browser.get(app("/api/principal"), "application/json").statusCode()).isEqualTo(200);
		String csrf = this.browser.cookie("XSRF-TOKEN");
		assertThat(csrf).isNotNull();
		assertThat(this.browser.post(app("/logout"), csrf).statusCode()).isEqualTo(204);
		assertThat(this.browser.get(app("/api/principal"), "application/json").statusCode()).isEqualTo(401);
	}

	@Test
	void personOfAnotherOrganisationIsRefusedWith403() throws Exception {
		if (!this.fake.appNames().contains("partner")) {
			this.fake.addApp("partner", FakeOrganization.builder()
				.name("其他公司")
				.app(FakeApp.of("dingpartnerkey", "partner-secret", "dingpartnercorp", 900))
				.department(FakeDepartment.root("总部"))
				.user(FakeUser.builder("outsider").name("外人").build())
				.build());
		}
		URI authorize = startLogin();
		URI callback = URI.create(this.browser.get(URI.create(authorize + "&userid=outsider&org=partner").toString())
			.headers()
			.firstValue("Location")
			.orElseThrow());
		HttpResponse<String> refused = this.browser.get(callback.toString(), "application/json");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).path("error").asString()).isEqualTo("not_in_organization");
		assertThat(this.fake.callCount("/v1.0/contact/users/me")).isZero();
	}

	@Test
	void denyOnTheAuthorizePageGives401LoginDeniedPageForABrowser() throws Exception {
		URI authorize = startLogin();
		URI callback = URI.create(
				this.browser.get(authorize + "&deny=true").headers().firstValue("Location").orElseThrow());
		assertThat(query(callback)).containsEntry("error", "access_denied");
		HttpResponse<String> denied = this.browser.get(callback.toString());
		assertThat(denied.statusCode()).isEqualTo(401);
		assertThat(denied.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(denied.body()).contains("login_denied");
		assertThat(this.fake.callCount("/v1.0/oauth2/userAccessToken")).isZero();
	}

	@Test
	void replayedCodeGives401InvalidCode() throws Exception {
		URI first = pick(startLogin(), "wangwu");
		String code = query(first).get("authCode");
		assertThat(this.browser.get(withoutCode(first)).statusCode()).isEqualTo(302);
		CookieBrowser other = new CookieBrowser();
		this.browser = other;
		URI second = startLogin();
		String replay = app("/login/oauth2/code/dingtalk") + "?authCode=" + code + "&state="
				+ encode(query(second).get("state"));
		HttpResponse<String> refused = other.get(replay, "application/json");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(json(refused).path("error").asString()).isEqualTo("invalid_code");
		assertThat(this.fake.callCount("/v1.0/oauth2/userAccessToken")).isEqualTo(2);
	}

	@Test
	void unknownStateGives400WithoutCallingDingTalk() throws Exception {
		URI callback = pick(startLogin(), "lisi");
		String forged = app("/login/oauth2/code/dingtalk") + "?authCode=" + query(callback).get("authCode")
				+ "&state=forged";
		HttpResponse<String> refused = this.browser.get(forged, "application/json");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).path("error").asString()).isEqualTo("invalid_state");
		assertThat(this.fake.callCount("/v1.0/oauth2/userAccessToken")).isZero();
	}

	@Test
	void dingTalkDownGives503() throws Exception {
		URI callback = pick(startLogin(), "lisi");
		this.fake.failNextWithStatus("/v1.0/oauth2/userAccessToken", 1, 503, "<html>Service Unavailable</html>");
		HttpResponse<String> refused = this.browser.get(withoutCode(callback), "application/json");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(json(refused).path("error").asString()).isEqualTo("dingtalk_unavailable");
	}

	private URI startLogin() throws Exception {
		HttpResponse<String> start = this.browser.get(app("/oauth2/authorization/dingtalk"));
		assertThat(start.statusCode()).isEqualTo(302);
		return URI.create(start.headers().firstValue("Location").orElseThrow());
	}

	private URI pick(URI authorize, String userid) throws Exception {
		HttpResponse<String> page = this.browser.get(authorize.toString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-userid=\"" + userid + "\"");
		HttpResponse<String> chosen = this.browser.get(authorize + "&userid=" + userid);
		assertThat(chosen.statusCode()).isEqualTo(302);
		return URI.create(chosen.headers().firstValue("Location").orElseThrow());
	}

	private static String withoutCode(URI callback) {
		Map<String, String> query = query(callback);
		return callback.getScheme() + "://" + callback.getAuthority() + callback.getPath() + "?authCode="
				+ encode(query.get("authCode")) + "&state=" + encode(query.get("state"));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(PrincipalController.class)
	static class Principal {

	}

	@RestController
	static class PrincipalController {

		@GetMapping("/api/principal")
		DingTalkUser principal(@AuthenticationPrincipal DingTalkUser user) {
			return user;
		}

	}

}
