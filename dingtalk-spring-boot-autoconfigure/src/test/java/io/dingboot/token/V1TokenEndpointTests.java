package io.dingboot.token;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code dingtalk.token.endpoint=v1}: tokens from {@code POST /v1.0/oauth2/accessToken} with the
 * exact JSON body DingTalk documents, fetched once however many threads ask, used by both families,
 * and the secret never seen by the application's interceptors.
 */
class V1TokenEndpointTests {

	private static final String PATH = "/v1.0/oauth2/accessToken";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
		this.server.stubFor(any(urlPathEqualTo("/topapi/thing")).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.server.stubFor(any(urlPathEqualTo("/v1.0/thing")).willReturn(json("{\"ok\":true}")));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private ApplicationContextRunner runner() {
		return DingTalkStubs.runner(this.server, "jdk")
			.withPropertyValues("dingtalk.token.endpoint=v1", "dingtalk.api-base-url=" + this.server.baseUrl())
			.withBean(DingTalkRestClientCustomizer.class, () -> (builder) -> builder
				.requestInterceptor((request, body, execution) -> {
					this.seen.add(request.getURI() + " " + request.getHeaders() + " " + new String(body));
					return execution.execute(request, body);
				}));
	}

	@Test
	void sixteenThreadsOnAColdCacheMakeOneFetchWithTheDocumentedBody() {
		this.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(
				json("{\"accessToken\":\"fw8ef8we8f76e6f7s8dxxxx\",\"expireIn\":7200}").withFixedDelay(200)));
		runner().run((context) -> {
			AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
			ExecutorService executor = Executors.newFixedThreadPool(16);
			try {
				CountDownLatch gate = new CountDownLatch(1);
				List<Future<String>> results = new ArrayList<>();
				for (int i = 0; i < 16; i++) {
					results.add(executor.submit(() -> {
						gate.await();
						return provider.getAccessToken();
					}));
				}
				gate.countDown();
				for (Future<String> result : results) {
					assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("fw8ef8we8f76e6f7s8dxxxx");
				}
			}
			finally {
				executor.shutdownNow();
			}
			List<LoggedRequest> fetches = this.server.findAll(anyRequestedFor(urlPathEqualTo(PATH)));
			assertThat(fetches).hasSize(1);
			LoggedRequest fetch = fetches.get(0);
			assertThat(fetch.getMethod().getName()).isEqualTo("POST");
			assertThat(fetch.getUrl()).isEqualTo(PATH);
			assertThat(fetch.getHeader("Content-Type")).isEqualTo("application/json");
			assertThat(fetch.getBodyAsString()).isEqualTo(
					"{\"appKey\":\"" + DingTalkStubs.APP_KEY + "\",\"appSecret\":\"" + DingTalkStubs.APP_SECRET + "\"}");
			assertThat(fetch.containsHeader("x-acs-dingtalk-access-token")).isFalse();
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo("/gettoken")))).isEmpty();
			assertThat(this.seen).singleElement()
				.satisfies((call) -> assertThat(call).contains(PATH).doesNotContain(DingTalkStubs.APP_SECRET));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "http-components", "simple" })
	void theSecretBodyIsSentOverEveryHttpLibrary(String factory) {
		this.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(json("{\"accessToken\":\"tok-v1\",\"expireIn\":7200}")));
		DingTalkStubs.runner(this.server, factory)
			.withPropertyValues("dingtalk.token.endpoint=v1", "dingtalk.api-base-url=" + this.server.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(AccessTokenProvider.class).getAccessToken()).isEqualTo("tok-v1");
				LoggedRequest fetch = this.server.findAll(anyRequestedFor(urlPathEqualTo(PATH))).get(0);
				assertThat(fetch.getBodyAsString()).isEqualTo("{\"appKey\":\"" + DingTalkStubs.APP_KEY
						+ "\",\"appSecret\":\"" + DingTalkStubs.APP_SECRET + "\"}");
				assertThat(fetch.getHeader("Content-Type")).isEqualTo("application/json");
				assertThat(fetch.getHeader("Content-Length")).isEqualTo(String.valueOf(fetch.getBody().length));
			});
	}

	@Test
	void theV1TokenServesBothFamilies() {
		this.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(json("{\"accessToken\":\"tok-v1\",\"expireIn\":7200}")));
		runner().run((context) -> {
			context.getBean(DingTalkClient.class).execute(DingTalkRequest.post("/topapi/thing").build());
			context.getBean(DingTalkApiClient.class)
				.execute(DingTalkRequest.post("/v1.0/thing").build());
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo("/topapi/thing"))).get(0).getUrl())
				.isEqualTo("/topapi/thing?access_token=tok-v1");
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/thing"))).get(0)
				.getHeader("x-acs-dingtalk-access-token")).isEqualTo("tok-v1");
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
			assertThat(this.seen).noneSatisfy((call) -> assertThat(call).contains("tok-v1"));
		});
	}

	@Test
	void badCredentialsFailWithTheCodeAndNameTheProperties() {
		this.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"requestid\":\"01A08FE7-68C3-7BBD-B223-447768EA4B29\",\"code\":\"invalidClientIdOrSecret\","
					+ "\"message\":\"无效的clientId或者clientSecret\"}")));
		runner().run((context) -> {
			DingTalkApiClient client = context.getBean(DingTalkApiClient.class);
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get("/v1.0/thing").build()))
				.satisfies((ex) -> {
					assertThat(ex.getApiPath()).isEqualTo(PATH);
					assertThat(ex.getCode()).isEqualTo("invalidClientIdOrSecret");
					assertThat(ex.getHttpStatus()).isEqualTo(400);
					assertThat(ex.getRequestId()).isEqualTo("01A08FE7-68C3-7BBD-B223-447768EA4B29");
					assertThat(ex.isTokenInvalid()).isFalse();
					assertThat(ex.getMessage()).contains("Check dingtalk.app-key and dingtalk.app-secret")
						.doesNotContain(DingTalkStubs.APP_SECRET);
				});
			// a bad credential is not retried, and the call it was for is never sent
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/thing")))).isEmpty();
		});
	}

	@Test
	void answerWithoutAccessTokenFailsNamingThePath() {
		this.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(json("{\"expireIn\":7200}")));
		runner().run((context) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> context.getBean(AccessTokenProvider.class).getAccessToken())
			.withMessage("DingTalk " + PATH + " answered without an accessToken"));
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

}
