package io.dingboot.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dingboot.token.AccessTokenProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free login through a real servlet container and DingBoot's default chain, with WireMock as
 * DingTalk: each case asserts the status and the exact number of calls DingTalk received.
 */
@SpringBootTest(classes = DingTalkLoginEndToEndTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.login.enabled=true", "dingtalk.jsapi.enabled=true", "dingtalk.corp-id=dingcorp",
				"dingtalk.agent-id=42", "dingtalk.http.read-timeout=2s", "dingtalk.retry.max-attempts=2" })
class DingTalkLoginEndToEndTests {

	@RegisterExtension
	static final DingTalkStub dingTalk = new DingTalkStub();

	private static final JsonMapper json = JsonMapper.shared();

	@LocalServerPort
	private int port;

	@Autowired
	private AccessTokenProvider accessTokens;

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		dingTalk.register(registry);
	}

	@Test
	void loginThenSessionCookieOpensProtectedEndpointWithoutDingTalkCallsThenLogoutClearsIt() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
		HttpResponse<String> login = browser.login("{\"code\":\"good-code\"}");
		assertThat(login.statusCode()).isEqualTo(200);
		JsonNode user = json.readTree(login.body());
		assertThat(user.get("userid").asString()).isEqualTo("zhangsan");
		assertThat(user.get("name").asString()).isEqualTo("张三");
		assertThat(user.get("avatar").asString()).isEqualTo("https://static/a.png");
		assertThat(user.propertyNames()).containsExactly("userid", "unionid", "name", "admin", "adminLevel",
				"detailsFetched", "avatar", "title", "deptIds", "boss", "leader", "app", "corpId", "authorities");
		assertThat(user.get("app").asString()).isEqualTo("default");
		assertThat(user.get("corpId").asString()).isEqualTo("dingcorp");
		assertThat(user.get("authorities").toString()).isEqualTo("[\"ROLE_DINGTALK_USER\",\"ROLE_DINGTALK_ADMIN\"]");
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
		assertThat(dingTalk.userGetCalls()).isEqualTo(1);
		int callsAfterLogin = dingTalk.allCalls();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> me = browser.get("/api/me", "application/json");
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).isEqualTo("zhangsan admin=true");
		}
		assertThat(dingTalk.allCalls()).isEqualTo(callsAfterLogin);
		HttpResponse<String> principal = browser.get("/api/principal", "application/json");
		assertThat(principal.statusCode()).isEqualTo(200);
		assertThat(principal.body()).isEqualTo("{\"userid\":\"zhangsan\",\"unionid\":\"uz\",\"name\":\"张三\",\"admin\":true,"
				+ "\"adminLevel\":1,\"detailsFetched\":true,\"avatar\":\"https://static/a.png\",\"title\":\"工程师\","
				+ "\"deptIds\":[2],\"boss\":false,\"leader\":true,\"app\":\"default\",\"corpId\":\"dingcorp\"}");
		((tools.jackson.databind.node.ObjectNode) user).remove("authorities");
		assertThat(json.readTree(principal.body())).isEqualTo(user);
		assertThat(browser.post("/logout", BodyPublishers.noBody(), null, true).statusCode()).isEqualTo(204);
		assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(dingTalk.allCalls()).isEqualTo(callsAfterLogin);
	}

	@Test
	void formPostLoginRedirects() throws Exception {
		Browser browser = new Browser();
		browser.get("/", "text/html");
		HttpResponse<String> login = browser.post("/login/dingtalk", BodyPublishers.ofString("code=good-code"),
				"application/x-www-form-urlencoded", true, "text/html");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/"));
		assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void unauthenticatedPagesAndApisGet401() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> api = browser.get("/api/me", "application/json");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(json.readTree(api.body()).get("error").asString()).isEqualTo("unauthenticated");
		assertThat(browser.get("/api/me", "text/html").statusCode()).isEqualTo(401);
		assertThat(browser.get("/css/app.css", "text/css").statusCode()).isEqualTo(404);
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void missingCodeThen400WithoutCallingDingTalk() throws Exception {
		assertError(new Browser().login("{}"), 400, "invalid_request");
		assertError(new Browser().login("{\"code\":\"\"}"), 400, "invalid_request");
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void overlongOrNonAsciiCodeThen400WithoutCallingDingTalk() throws Exception {
		assertError(new Browser().login("{\"code\":\"" + "a".repeat(129) + "\"}"), 400, "invalid_request");
		assertError(new Browser().login("{\"code\":\"码\"}"), 400, "invalid_request");
		assertError(new Browser().login("{\"code\":\"a\\tb\"}"), 400, "invalid_request");
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void usedCodeThen401InvalidCodeAndCodeSentOnce() throws Exception {
		assertError(new Browser().login("{\"code\":\"used-code\"}"), 401, "invalid_code");
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
		assertThat(dingTalk.userGetCalls()).isZero();
	}

	@Test
	void loginWithoutCsrfTokenIsRefusedWithoutCallingDingTalk() throws Exception {
		Browser browser = new Browser();
		browser.get("/", "text/html");
		HttpResponse<String> response = browser.post("/login/dingtalk", BodyPublishers.ofString("{\"code\":\"good-code\"}"),
				"application/json", false);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void dingTalkTimingOutThen503AndCodeSentOnce() throws Exception {
		warmToken();
		dingTalk.server()
			.stubFor(post(urlPathEqualTo(DingTalkStub.GET_USER_INFO))
				.willReturn(aResponse().withFixedDelay(3000).withStatus(200).withBody("{}")));
		assertError(new Browser().login("{\"code\":\"slow-code\"}"), 503, "dingtalk_unavailable");
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
	}

	@Test
	void dingTalkServerErrorThen503AndCodeSentOnce() throws Exception {
		warmToken();
		dingTalk.answerGetUserInfo(500, "{\"errcode\":-2,\"errmsg\":\"internal\"}");
		assertError(new Browser().login("{\"code\":\"c-500\"}"), 503, "dingtalk_unavailable");
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
	}

	@Test
	void throttledThen503WithRetryAfterAfterTheTransportsBoundedRetries() throws Exception {
		warmToken();
		dingTalk.answerGetUserInfo(200, "{\"errcode\":88,\"sub_code\":\"90018\",\"sub_msg\":\"qps\",\"errmsg\":\"ding talk error\"}");
		HttpResponse<String> response = new Browser().login("{\"code\":\"c-throttled\"}");
		assertError(response, 503, "dingtalk_throttled");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(2);
	}

	@Test
	void concurrentLoginsOnColdTokenFetchTheTokenOnceAndSendEachCodeOnce() throws Exception {
		warmToken();
		this.accessTokens.invalidate("t");
		int logins = 64;
		List<Browser> browsers = new ArrayList<>();
		for (int i = 0; i < logins; i++) {
			Browser browser = new Browser();
			browser.get("/", "text/html");
			browsers.add(browser);
		}
		assertThat(dingTalk.allCalls()).isZero();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(logins);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < logins; i++) {
				Browser browser = browsers.get(i);
				String code = "code-" + i;
				statuses.add(pool.submit(() -> {
					start.await();
					return browser.login("{\"code\":\"" + code + "\"}").statusCode();
				}));
			}
			start.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(dingTalk.getTokenCalls()).isEqualTo(1);
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(logins);
		for (int i = 0; i < logins; i++) {
			dingTalk.server()
				.verify(exactly(1), postRequestedFor(urlPathEqualTo(DingTalkStub.GET_USER_INFO))
					.withRequestBody(matchingJsonPath("$.code", equalTo("code-" + i))));
		}
		int calls = dingTalk.allCalls();
		for (Browser browser : browsers) {
			assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(200);
		}
		assertThat(dingTalk.allCalls()).isEqualTo(calls);
	}

	@Test
	void ddConfigIsReachableBeforeLoginForThePagesOwnOrigin() throws Exception {
		Browser browser = new Browser();
		String page = "http://localhost:" + this.port + "/index.html?a=1";
		HttpResponse<String> response = browser.get("/dingtalk/jsapi/config?url="
				+ java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8), "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode config = json.readTree(response.body());
		assertThat(config.propertyNames()).containsExactly("agentId", "corpId", "timeStamp", "nonceStr", "signature");
		assertThat(config.get("agentId").asString()).isEqualTo("42");
		assertThat(config.get("corpId").asString()).isEqualTo("dingcorp");
		HttpResponse<String> foreign = browser.get("/dingtalk/jsapi/config?url=https://evil.example/", "application/json");
		assertError(foreign, 400, "origin_not_allowed");
	}

	private void warmToken() throws Exception {
		this.accessTokens.getAccessToken();
		dingTalk.server().resetRequests();
	}

	private static void assertError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.dingboot");
		assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo(error);
	}

	/**
	 * A browser: its own cookies (session and XSRF-TOKEN), no redirects followed.
	 */
	final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).timeout(Duration.ofSeconds(10))
				.GET().build(), BodyHandlers.ofString());
		}

		HttpResponse<String> login(String body) throws IOException, InterruptedException {
			if (csrfToken() == null) {
				get("/", "text/html");
			}
			return post("/login/dingtalk", BodyPublishers.ofString(body), "application/json", true);
		}

		HttpResponse<String> post(String path, BodyPublisher body, String contentType, boolean withCsrfHeader)
				throws IOException, InterruptedException {
			return post(path, body, contentType, withCsrfHeader, "application/json");
		}

		HttpResponse<String> post(String path, BodyPublisher body, String contentType, boolean withCsrfHeader,
				String accept) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Accept", accept)
				.timeout(Duration.ofSeconds(10))
				.POST(body);
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			if (withCsrfHeader && csrfToken() != null) {
				request.header("X-XSRF-TOKEN", csrfToken());
			}
			return this.client.send(request.build(), BodyHandlers.ofString());
		}

		String csrfToken() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + DingTalkLoginEndToEndTests.this.port + path);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Me me() {
			return new Me();
		}

	}

	@RestController
	static class Me {

		@GetMapping("/api/me")
		String me(Authentication authentication) {
			io.dingboot.security.authentication.DingTalkUser user = (io.dingboot.security.authentication.DingTalkUser) authentication
				.getPrincipal();
			return authentication.getName() + " admin=" + user.isAdmin();
		}

		@GetMapping("/api/principal")
		io.dingboot.security.authentication.DingTalkUser principal(Authentication authentication) {
			return (io.dingboot.security.authentication.DingTalkUser) authentication.getPrincipal();
		}

	}

}
