package io.dingboot.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.observation.ClientRequestObservationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The v1.0 family's client ({@link DingTalkApiClient}) against WireMock:
 * the token in the {@code x-acs-dingtalk-access-token} header only, camelCase JSON, path variables,
 * v1.0 errors as {@link DingTalkApiException}s with their code and HTTP status, token refresh on
 * {@code InvalidAuthentication} (400) and 401, bounded retries of throttling.
 */
class DingTalkApiClientTests {

	private static final String HEADER = "x-acs-dingtalk-access-token";

	private static final String ME = "/v1.0/contact/users/me";

	private final WireMockServer legacy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.legacy);
		DingTalkStubs.startWarm(this.api);
		this.legacy.stubFor(gettoken().inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("tok-1", 7200))
			.willSetStateTo("2"));
		this.legacy.stubFor(gettoken().inScenario("tokens").whenScenarioStateIs("2").willReturn(token("tok-2", 7200)));
	}

	@AfterEach
	void stop() {
		this.legacy.stop();
		this.api.stop();
	}

	private ApplicationContextRunner runner() {
		return DingTalkStubs.runner(this.legacy, "jdk")
			.withPropertyValues("dingtalk.api-base-url=http://127.0.0.1:" + this.api.port() + "/");
	}

	private void run(ClientTest test) {
		runner().run((context) -> test.run(context.getBean(DingTalkApiClient.class)));
	}

	private static ResponseDefinitionBuilder v1Error(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String error(String code, String message) {
		return "{\"code\":\"" + code + "\",\"requestid\":\"4C1E3B1A-0000-0000-0000-000000000001\",\"message\":\""
				+ message + "\"}";
	}

	private int calls(String path) {
		return this.api.findAll(anyRequestedFor(urlPathEqualTo(path))).size();
	}

	private int gettokenCount() {
		return this.legacy.countRequestsMatching(getRequestedFor(urlPathEqualTo("/gettoken")).build()).getCount();
	}

	private void stubTwoTokens(MappingBuilder first, ResponseDefinitionBuilder refused) {
		this.api.stubFor(first.withHeader(HEADER, equalTo("tok-1")).willReturn(refused));
		this.api.stubFor(get(urlPathEqualTo(ME)).withHeader(HEADER, equalTo("tok-2"))
			.willReturn(json("{\"nick\":\"张三\",\"unionId\":\"u-1\"}")));
	}

	@Test
	void executeSendsTheTokenInTheHeaderOnlyAndCamelCaseJsonBothWays() {
		this.api.stubFor(any(urlPathEqualTo("/v1.0/todo/tasks"))
			.willReturn(json("{\"processQueryKey\":\"pqk-1\",\"invalidStaffIdList\":[\"x\"]}")));
		run((client) -> {
			SendAnswer answer = client.execute(DingTalkRequest.post("/v1.0/todo/tasks")
				.body(new SendBody("robot-1", List.of("u1"), "sampleText"))
				.build(), SendAnswer.class);
			assertThat(answer.processQueryKey()).isEqualTo("pqk-1");
			assertThat(answer.invalidStaffIdList()).containsExactly("x");
			LoggedRequest request = this.api.findAll(anyRequestedFor(anyUrl())).get(0);
			assertThat(request.getUrl()).isEqualTo("/v1.0/todo/tasks");
			assertThat(request.getHeader(HEADER)).isEqualTo("tok-1");
			assertThat(request.containsHeader("Authorization")).isFalse();
			assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
			assertThat(request.getBodyAsString())
				.isEqualTo("{\"robotCode\":\"robot-1\",\"userIds\":[\"u1\"],\"msgKey\":\"sampleText\"}");
			// the token still comes from the legacy /gettoken (dingtalk.token.endpoint=legacy)
			assertThat(gettokenCount()).isEqualTo(1);
			assertThat(this.legacy.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/todo/tasks")))).isEmpty();
		});
	}

	@Test
	void pathVariablesAreEncodedAsOneSegmentAndOnlyTheTemplateIsReported() {
		this.api.stubFor(any(anyUrl()).willReturn(v1Error(400, error("invalidParameter.userIds.empty", "bad"))));
		List<String> templates = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				templates.add(String.valueOf(context.getUriTemplate()));
			}

		});
		runner().withBean(DingTalkRestClientCustomizer.class, () -> (builder) -> builder.observationRegistry(registry))
			.run((context) -> {
				DingTalkApiClient client = context.getBean(DingTalkApiClient.class);
				assertThatExceptionOfType(DingTalkApiException.class)
					.isThrownBy(() -> client.execute(DingTalkRequest
						.get("/v1.0/contact/users/{unionId}/tasks/{taskId}", "a/b c?#%", "张三")
						.query("next", "x&y")
						.build()))
					.satisfies((ex) -> {
						assertThat(ex.getApiPath()).isEqualTo("/v1.0/contact/users/{unionId}/tasks/{taskId}");
						assertThat(ex.getMessage()).startsWith("DingTalk /v1.0/contact/users/{unionId}/tasks/{taskId} failed")
							.doesNotContain("a/b");
					});
				LoggedRequest request = this.api.findAll(anyRequestedFor(anyUrl())).get(0);
				assertThat(request.getUrl())
					.isEqualTo("/v1.0/contact/users/a%2Fb%20c%3F%23%25/tasks/%E5%BC%A0%E4%B8%89?next=x%26y");
				assertThat(templates).last()
					.isEqualTo("http://127.0.0.1:" + this.api.port() + "/v1.0/contact/users/{unionId}/tasks/{taskId}?next={q0}");
			});
	}

	@Test
	void v1ErrorBecomesTheExceptionWithCodeStatusAndRequestId() {
		this.api.stubFor(any(anyUrl()).willReturn(v1Error(400, error("invalidParameter.robotCode.auth",
				"此应用appkey和机器人robotCode不匹配"))));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.post("/v1.0/robot/groupMessages/send").build()))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.HTTP_ERROR);
					assertThat(ex.getCode()).isEqualTo("invalidParameter.robotCode.auth");
					assertThat(ex.getHttpStatus()).isEqualTo(400);
					assertThat(ex.getRequestId()).isEqualTo("4C1E3B1A-0000-0000-0000-000000000001");
					assertThat(ex.getErrmsg()).isEqualTo("此应用appkey和机器人robotCode不匹配");
					assertThat(ex.getErrcode()).isZero();
					assertThat(ex.isTokenInvalid()).isFalse();
					assertThat(ex.isThrottled()).isFalse();
					assertThat(ex.getMessage()).isEqualTo("DingTalk /v1.0/robot/groupMessages/send failed: HTTP 400 "
							+ "invalidParameter.robotCode.auth (此应用appkey和机器人robotCode不匹配), requestid "
							+ "4C1E3B1A-0000-0000-0000-000000000001")
						.doesNotContain("tok-1");
				});
			assertThat(calls("/v1.0/robot/groupMessages/send")).isEqualTo(1);
		});
	}

	@Test
	void invalidAuthentication400ThenFetchesOneTokenAndRetriesOnce() {
		stubTwoTokens(get(urlPathEqualTo(ME)), v1Error(400, error("InvalidAuthentication", "不合法的access_token")));
		run((client) -> {
			assertThat(client.execute(DingTalkRequest.get(ME).build()).path("nick").asString()).isEqualTo("张三");
			assertThat(gettokenCount()).isEqualTo(2);
			assertThat(calls(ME)).isEqualTo(2);
		});
	}

	@Test
	void unauthorized401ThenFetchesOneTokenAndRetriesOnce() {
		stubTwoTokens(get(urlPathEqualTo(ME)), aResponse().withStatus(401));
		run((client) -> {
			assertThat(client.execute(DingTalkRequest.get(ME).build()).path("unionId").asString()).isEqualTo("u-1");
			assertThat(gettokenCount()).isEqualTo(2);
			assertThat(calls(ME)).isEqualTo(2);
		});
	}

	@Test
	void invalidAuthenticationAgainAfterTheRetryThenFailsWithoutLooping() {
		this.api.stubFor(get(urlPathEqualTo(ME))
			.willReturn(v1Error(400, error("InvalidAuthentication", "不合法的access_token"))));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get(ME).build()))
				.satisfies((ex) -> {
					assertThat(ex.isTokenInvalid()).isTrue();
					assertThat(ex.getCode()).isEqualTo("InvalidAuthentication");
					assertThat(ex.getMessage()).contains("DingBoot fetched a new one and tried once more");
				});
			assertThat(calls(ME)).isEqualTo(2);
			assertThat(gettokenCount()).isEqualTo(2);
		});
	}

	@Test
	void unauthorized401AgainAfterTheRetryThenFailsWithoutLooping() {
		this.api.stubFor(get(urlPathEqualTo(ME)).willReturn(v1Error(401, error("InvalidAuthentication", "expired"))));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get(ME).build()))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
			assertThat(calls(ME)).isEqualTo(2);
			assertThat(gettokenCount()).isEqualTo(2);
		});
	}

	@Test
	void throttledThenRetriedWithBackoffAndSucceeds() {
		this.api.stubFor(get(urlPathEqualTo(ME)).inScenario("qps")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(v1Error(403, error("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps")))
			.willSetStateTo("again"));
		this.api.stubFor(get(urlPathEqualTo(ME)).inScenario("qps")
			.whenScenarioStateIs("again")
			.willReturn(v1Error(429, error("system.busy", "system busy, request too frequest")))
			.willSetStateTo("ok"));
		this.api.stubFor(get(urlPathEqualTo(ME)).inScenario("qps").whenScenarioStateIs("ok").willReturn(json("{}")));
		run((client) -> {
			client.execute(DingTalkRequest.get(ME).build());
			assertThat(calls(ME)).isEqualTo(3);
			assertThat(gettokenCount()).isEqualTo(1);
		});
	}

	@Test
	void throttledOnANonIdempotentCallBeyondMaxAttemptsThenThrowsThrottled() {
		this.api.stubFor(any(anyUrl()).willReturn(v1Error(403, error("Forbidden.AccessDenied.QpsLimitForApi", "qps"))));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.post("/v1.0/robot/oToMessages/batchSend").build()))
				.satisfies((ex) -> {
					assertThat(ex.isThrottled()).isTrue();
					assertThat(ex.getCode()).isEqualTo("Forbidden.AccessDenied.QpsLimitForApi");
					assertThat(ex.getHttpStatus()).isEqualTo(403);
					assertThat(ex.getMessage()).contains("DingTalk throttled the call");
				});
			// dingtalk.retry.max-attempts defaults to 3
			assertThat(calls("/v1.0/robot/oToMessages/batchSend")).isEqualTo(3);
		});
	}

	@Test
	void permissionDeniedNamesThePermissionToGrantAndIsNotRetried() {
		this.api.stubFor(get(urlPathEqualTo(ME)).willReturn(v1Error(403,
				"{\"code\":\"Forbidden.AccessDenied.AccessTokenPermissionDenied\",\"requestid\":\"r-1\",\"message\":"
						+ "\"没有调用该接口的权限，接口权限申请参考：https://open.dingtalk.com/document/orgapp-server/add-api-permission\","
						+ "\"accessdenieddetail\":{\"requiredScopes\":[\"Contact.User.Read\"]}}")));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get(ME).build()))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo("Forbidden.AccessDenied.AccessTokenPermissionDenied");
					assertThat(ex.getMessage()).endsWith("Grant the app the permission Contact.User.Read in the "
							+ "developer console > app > 开发配置 > 权限管理 (search the permission and apply), and have "
							+ "the organisation authorise it");
				});
			assertThat(calls(ME)).isEqualTo(1);
			assertThat(gettokenCount()).isEqualTo(1);
		});
	}

	@Test
	void permissionDeniedWithoutScopesStillSaysWhereToGrantIt() {
		this.api.stubFor(get(urlPathEqualTo(ME)).willReturn(v1Error(400, error("apiPermissionDenied", "无权限"))));
		run((client) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> client.execute(DingTalkRequest.get(ME).build()))
			.withMessageContaining("Grant the app this API's permission in the developer console"));
	}

	@Test
	void emptyAnswerReadsAsAnEmptyObjectAndAnArrayAsItself() {
		this.api.stubFor(any(urlPathEqualTo("/v1.0/empty")).willReturn(aResponse().withStatus(200)));
		this.api.stubFor(any(urlPathEqualTo("/v1.0/list")).willReturn(json("[1,2]")));
		run((client) -> {
			JsonNode empty = client.execute(DingTalkRequest.put("/v1.0/empty").body(Map.of("a", 1)).build());
			assertThat(empty.isObject()).isTrue();
			assertThat(empty.isEmpty()).isTrue();
			assertThat(client.execute(DingTalkRequest.get("/v1.0/list").build()).toString()).isEqualTo("[1,2]");
		});
	}

	@Test
	void fieldOfAV1AnswerIsMappedCamelCase() {
		this.api.stubFor(any(anyUrl()).willReturn(json("{\"result\":{\"processQueryKey\":\"k\"}}")));
		run((client) -> assertThat(client.execute(DingTalkRequest.get("/v1.0/x").build(), "result", SendAnswer.class)
			.processQueryKey()).isEqualTo("k"));
	}

	@Test
	void errcodeInAnHttp200AnswerOfTheApiHostIsAnError() {
		this.api.stubFor(any(anyUrl()).willReturn(json("{\"errcode\":404,\"errmsg\":\"请求的URI地址不存在\"}")));
		run((client) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> client.execute(DingTalkRequest.get("/oauth2/corpAccessToken").build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("404")));
	}

	record SendBody(String robotCode, List<String> userIds, String msgKey) {
	}

	record SendAnswer(String processQueryKey, List<String> invalidStaffIdList) {
	}

	@FunctionalInterface
	interface ClientTest {

		void run(DingTalkApiClient client) throws Exception;

	}

}
