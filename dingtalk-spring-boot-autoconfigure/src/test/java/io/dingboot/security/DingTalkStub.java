package io.dingboot.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock as DingTalk for the login tests: {@code /gettoken} answers token {@code t};
 * {@code getuserinfo} accepts every code except {@code used-code} (40078) and answers user
 * {@code zhangsan} (an admin); {@code /topapi/v2/user/get} answers his details;
 * {@code /get_jsapi_ticket} answers a ticket. As a JUnit extension it resets before each test and
 * stops after the class.
 */
public final class DingTalkStub implements BeforeEachCallback, AfterAllCallback {

	public static final String GET_TOKEN = "/gettoken";

	public static final String GET_USER_INFO = "/topapi/v2/user/getuserinfo";

	public static final String USER_GET = "/topapi/v2/user/get";

	public static final String JSAPI_TICKET = "/get_jsapi_ticket";

	private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(120));

	public DingTalkStub() {
		this.server.start();
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public void stop() {
		this.server.stop();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Register the properties of an app that uses this stub, with fast retries.
	 * @param registry the registry
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("dingtalk.base-url", this::baseUrl);
		registry.add("dingtalk.app-key", () -> "appkey");
		registry.add("dingtalk.app-secret", () -> "appsecret");
		registry.add("dingtalk.retry.initial-backoff", () -> "10ms");
		registry.add("dingtalk.retry.max-backoff", () -> "50ms");
	}

	/**
	 * Forget all requests and stubs and stub the default answers.
	 */
	public void reset() {
		this.server.resetAll();
		this.server.stubFor(get(urlPathEqualTo(GET_TOKEN))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"t\",\"expires_in\":7200}")));
		this.server.stubFor(post(urlPathEqualTo(GET_USER_INFO)).willReturn(okJson("""
				{"errcode":0,"errmsg":"ok","request_id":"r1",
				 "result":{"userid":"zhangsan","unionid":"uz","device_id":"d1","sys":true,"sys_level":1,"name":"张三"}}""")));
		this.server.stubFor(post(urlPathEqualTo(GET_USER_INFO)).withRequestBody(matchingJsonPath("$.code", equalTo("used-code")))
			.willReturn(okJson("{\"errcode\":40078,\"errmsg\":\"nonexistent temp auth code\"}")));
		this.server.stubFor(post(urlPathEqualTo(USER_GET)).willReturn(okJson("""
				{"errcode":0,"errmsg":"ok","request_id":"r2",
				 "result":{"userid":"zhangsan","unionid":"uz","name":"张三","avatar":"https://static/a.png",
				           "title":"工程师","dept_id_list":[2],"admin":true,"boss":false,
				           "leader_in_dept":[{"dept_id":2,"leader":true}]}}""")));
		this.server.stubFor(get(urlPathEqualTo(JSAPI_TICKET))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"ticket-1\",\"expires_in\":7200}")));
	}

	/**
	 * Make {@code getuserinfo} answer {@code status} with {@code body}.
	 * @param status the HTTP status
	 * @param body the body
	 */
	public void answerGetUserInfo(int status, String body) {
		this.server.stubFor(post(urlPathEqualTo(GET_USER_INFO))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	public int getUserInfoCalls() {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(GET_USER_INFO)).build()).getCount();
	}

	public int userGetCalls() {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(USER_GET)).build()).getCount();
	}

	public int getTokenCalls() {
		return this.server.countRequestsMatching(getRequestedFor(urlPathEqualTo(GET_TOKEN)).build()).getCount();
	}

	public int allCalls() {
		return this.server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
	}

}
