package io.dingboot.http;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static io.dingboot.http.DingTalkStubs.wrapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DingTalkClientTests {

	private static final String USER_GET = "/topapi/v2/user/get";

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u1\",\"name\":\"张三\"},\"request_id\":\"r1\"}";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private DingTalkRequest userGet() {
		return DingTalkRequest.post(USER_GET).body(Map.of("userid", "u1")).idempotent(true).build();
	}

	private void tokens() {
		this.server.stubFor(gettoken().inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("tok-1", 7200))
			.willSetStateTo("2"));
		this.server.stubFor(gettoken().inScenario("tokens").whenScenarioStateIs("2").willReturn(token("tok-2", 7200)));
	}

	private void run(ClientTest test) {
		DingTalkStubs.runner(this.server).run((context) -> test.run(context.getBean(DingTalkClient.class)));
	}

	private int count(String path) {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(path)).build()).getCount();
	}

	private int gettokenCount() {
		return this.server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/gettoken")).build()).getCount();
	}

	@Test
	void executeSendsTokenInQueryAndJsonBodyAndMapsTheAnswer() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json(OK)));
		run((client) -> {
			JsonNode answer = client.execute(userGet());
			assertThat(answer.get("result").get("name").asString()).isEqualTo("张三");
			this.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER_GET))
				.withQueryParam("access_token", equalTo("tok-1"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"userid\":\"u1\"}")));
		});
	}

	@Test
	void executeWhenTokenInvalidOnceThenRefreshesOnceAndRetries() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo("tok-1"))
			.willReturn(json("{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}")));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo("tok-2"))
			.willReturn(json(OK)));
		run((client) -> {
			assertThat(client.execute(userGet()).path("result").path("userid").asString()).isEqualTo("u1");
			assertThat(gettokenCount()).isEqualTo(2);
			assertThat(count(USER_GET)).isEqualTo(2);
		});
	}

	@Test
	void executeWhenWrappedTokenInvalidOnceThenRefreshesOnceAndRetries() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo("tok-1"))
			.willReturn(json(wrapped("40014", "不合法的access_token"))));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo("tok-2"))
			.willReturn(json(OK)));
		run((client) -> {
			client.execute(userGet());
			assertThat(gettokenCount()).isEqualTo(2);
			assertThat(count(USER_GET)).isEqualTo(2);
		});
	}

	@Test
	void executeWhenTokenInvalidForeverThenTwoAttemptsAndException() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET))
			.willReturn(json("{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}")));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()))
				.satisfies((ex) -> {
					assertThat(ex.getErrcode()).isEqualTo(40014);
					assertThat(ex.isTokenInvalid()).isTrue();
					assertThat(ex.getApiPath()).isEqualTo(USER_GET);
					assertThat(ex.getMessage()).doesNotContain("tok-1").doesNotContain("tok-2");
				});
			assertThat(count(USER_GET)).isEqualTo(2);
			assertThat(gettokenCount()).isEqualTo(2);
		});
	}

	@Test
	void executeWhenWrappedTokenInvalidForeverThenTwoAttemptsAndException() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json(wrapped("40014", "不合法的access_token"))));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()))
				.satisfies((ex) -> {
					assertThat(ex.getErrcode()).isEqualTo(88);
					assertThat(ex.getSubCode()).isEqualTo("40014");
					assertThat(ex.getEffectiveCode()).isEqualTo(40014);
					assertThat(ex.getRequestId()).isEqualTo("16l4ew3d47pdp");
				});
			assertThat(count(USER_GET)).isEqualTo(2);
			assertThat(gettokenCount()).isEqualTo(2);
		});
	}

	@Test
	void executeWhenBusyTwiceThenSucceedsAfterBackoff() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}"))
			.willSetStateTo("busy-2"));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).inScenario("busy")
			.whenScenarioStateIs("busy-2")
			.willReturn(json("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}"))
			.willSetStateTo("ok"));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).inScenario("busy").whenScenarioStateIs("ok")
			.willReturn(json(OK)));
		run((client) -> {
			assertThat(client.execute(userGet()).path("errcode").asInt()).isZero();
			assertThat(count(USER_GET)).isEqualTo(3);
			assertThat(gettokenCount()).isEqualTo(1);
		});
	}

	@Test
	void executeWhenThrottledThenBacksOffAndSucceeds() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).inScenario("throttle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(wrapped("90018", "当前应用调用该接口次数过多")))
			.willSetStateTo("ok"));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).inScenario("throttle").whenScenarioStateIs("ok")
			.willReturn(json(OK)));
		run((client) -> {
			client.execute(userGet());
			assertThat(count(USER_GET)).isEqualTo(2);
		});
	}

	@Test
	void executeWhenThrottledBeyondMaxAttemptsThenThrowsThrottled() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json("{\"errcode\":90002,\"errmsg\":\"qps\"}")));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()))
				.satisfies((ex) -> assertThat(ex.isThrottled()).isTrue());
			assertThat(count(USER_GET)).isEqualTo(3);
		});
	}

	@Test
	void executeWhenConnectionResetThenFailsNamingThePath() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		run((client) -> {
			DingTalkRequest send = DingTalkRequest.post(USER_GET).body(Map.of("userid", "u1")).build();
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(send))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.IO_ERROR);
					assertThat(ex.getApiPath()).isEqualTo(USER_GET);
					assertThat(ex.getMessage()).contains(USER_GET);
				});
			assertThat(count(USER_GET)).isEqualTo(1);
		});
	}

	@Test
	void executeWhenReadTimesOutOnNonIdempotentPostThenNotRetried() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json(OK).withFixedDelay(2500)));
		run((client) -> {
			DingTalkRequest send = DingTalkRequest.post(USER_GET).body(Map.of("userid", "u1")).build();
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(send))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.IO_ERROR);
					assertThat(ex.getMessage()).contains(USER_GET).contains("timed out");
				});
			assertThat(count(USER_GET)).isEqualTo(1);
		});
	}

	@Test
	void executeWhenReadTimesOutOnIdempotentCallThenRetriedWithinBound() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json(OK).withFixedDelay(2500)));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()));
			assertThat(count(USER_GET)).isEqualTo(3);
		});
	}

	@Test
	void executeWhenHtmlGatewayErrorThenHttpError() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>502 Bad Gateway</body></html>")));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.HTTP_ERROR);
					assertThat(ex.getHttpStatus()).isEqualTo(502);
					assertThat(ex.getMessage()).contains(USER_GET);
				});
			assertThat(count(USER_GET)).isEqualTo(3);
		});
	}

	@Test
	void executeWhenEmptyBodyThenInvalidResponse() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(aResponse().withStatus(200)));
		run((client) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> client.execute(userGet()))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.INVALID_RESPONSE);
				assertThat(ex.getMessage()).contains(USER_GET).contains("empty");
			}));
	}

	@Test
	void executeWhenMalformedJsonThenInvalidResponse() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json("{\"errcode\":0,\"result\":")));
		run((client) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> client.execute(userGet()))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.INVALID_RESPONSE);
				assertThat(ex.getMessage()).contains(USER_GET).contains("not JSON");
			}));
	}

	@Test
	void executeWhenIpBanBodyThenThrottledAndNotRetried() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET))
			.willReturn(json("{\"status\":1111,\"wait\":5,\"source\":\"x5\",\"punish\":\"deny\",\"uuid\":\"x\"}")));
		run((client) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(userGet()))
				.satisfies((ex) -> {
					assertThat(ex.isThrottled()).isTrue();
					assertThat(ex.getMessage()).contains("egress IP");
				});
			assertThat(count(USER_GET)).isEqualTo(1);
		});
	}

	@Test
	void executeWhenIpNotWhitelistedThenMessageNamesTheWhitelist() {
		tokens();
		this.server.stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).willReturn(json(
				"{\"errcode\":60020,\"errmsg\":\"访问ip不在白名单之中,request ip=203.119.196.81 appKey(dingappkey123)\"}")));
		run((client) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> client.execute(DingTalkRequest.get("/get_jsapi_ticket").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrcode()).isEqualTo(60020);
				assertThat(ex.getMessage()).contains("服务器出口IP").contains("/get_jsapi_ticket");
			}));
	}

	@Test
	void executeWithFieldMapsTheFieldToARecord() {
		tokens();
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(json(OK)));
		run((client) -> {
			Person person = client.execute(userGet(), "result", Person.class);
			assertThat(person).isEqualTo(new Person("u1", "张三"));
		});
	}

	record Person(String userid, String name) {
	}

	@FunctionalInterface
	interface ClientTest {

		void run(DingTalkClient client) throws Exception;

	}

}
