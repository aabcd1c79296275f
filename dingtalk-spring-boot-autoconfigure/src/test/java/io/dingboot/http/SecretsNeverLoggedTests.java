package io.dingboot.http;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dingboot.DingTalkApiException;
import io.dingboot.token.AccessTokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs the client's scenarios with DEBUG logging on for the whole client path and checks that no
 * secret and no access token reaches the log or an exception: over the JDK client (what the
 * starter alone gets) with every logger at DEBUG, and over Apache HttpClient 5 with its own
 * loggers at INFO, where DingBoot's logging defaults keep them ({@code DingTalkLoggingDefaultsTests}
 * checks those in a whole application). DingTalk carries the app secret and the access token in
 * the query string, and HttpClient 5 writes request lines at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTests {

	private static final List<String> CLIENT_LOGGERS = List.of("io.dingboot", "org.springframework.web",
			"org.springframework.http", "org.springframework.boot.http", "org.springframework.boot.restclient",
			"org.springframework.core.retry",
			"org.apache.hc", "jdk.internal.httpclient");

	private static final String HTTP_CLIENT_5_LOGGER = "org.apache.hc.client5.http";

	private static final String TOKEN_1 = "AT-first-7f3a9c";

	private static final String TOKEN_2 = "AT-second-2b8d1e";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final Map<String, Level> previousLevels = new HashMap<>();

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
		for (String name : CLIENT_LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(Level.DEBUG);
		}
		Logger httpClient5 = (Logger) LoggerFactory.getLogger(HTTP_CLIENT_5_LOGGER);
		this.previousLevels.put(HTTP_CLIENT_5_LOGGER, httpClient5.getLevel());
	}

	@AfterEach
	void stop() {
		this.previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
		this.server.stop();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "http-components" })
	void clientScenariosNeverLogSecretsOrTokens(String factory, CapturedOutput output) {
		if (!factory.equals("jdk")) {
			((Logger) LoggerFactory.getLogger(HTTP_CLIENT_5_LOGGER)).setLevel(Level.INFO);
		}
		this.server.stubFor(gettoken().inScenario("t")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token(TOKEN_1, 7200))
			.willSetStateTo("2"));
		this.server.stubFor(gettoken().inScenario("t").whenScenarioStateIs("2").willReturn(token(TOKEN_2, 7200)));
		this.server.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).withQueryParam("access_token", equalTo(TOKEN_1))
			.willReturn(json(DingTalkStubs.wrapped("40014", "不合法的access_token"))));
		this.server.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).withQueryParam("access_token", equalTo(TOKEN_2))
			.willReturn(json("{\"errcode\":0,\"result\":{\"userid\":\"u1\"}}")));
		this.server.stubFor(post(urlPathEqualTo("/topapi/busy")).willReturn(json("{\"errcode\":-1,\"errmsg\":\"busy\"}")));
		this.server.stubFor(post(urlPathEqualTo("/topapi/reset"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.server.stubFor(post(urlPathEqualTo("/topapi/slow")).willReturn(json("{\"errcode\":0}").withFixedDelay(2500)));
		this.server.stubFor(post(urlPathEqualTo("/topapi/html"))
			.willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
		this.server.stubFor(post(urlPathEqualTo("/v1.0/thing")).willReturn(json("{\"result\":true}")));
		StringBuilder messages = new StringBuilder();
		DingTalkStubs.runner(this.server, factory).run((context) -> {
			DingTalkClient client = context.getBean(DingTalkClient.class);
			client.execute(DingTalkRequest.post("/topapi/v2/user/get").body(Map.of("userid", "u1")).build());
			DingTalkClient headerClient = new DingTalkClient(context.getBean(DingTalkTransport.class),
					context.getBean(AccessTokenProvider.class), URI.create(this.server.baseUrl()),
					TokenPlacement.ACS_TOKEN_HEADER);
			headerClient.execute(DingTalkRequest.post("/v1.0/thing").body(Map.of("a", 1)).build());
			for (String path : List.of("/topapi/busy", "/topapi/reset", "/topapi/slow", "/topapi/html")) {
				Throwable failure = catchThrowable(
						() -> client.execute(DingTalkRequest.post(path).body(Map.of("a", 1)).idempotent(true).build()));
				assertThat(failure).isInstanceOf(DingTalkApiException.class);
				messages.append(failure).append(failure.getCause()).append('\n');
			}
			messages.append(context.getBean(AccessTokenProvider.class)).append(context.getBean(DingTalkClient.class));
		});
		this.server.resetAll();
		this.server.stubFor(gettoken().willReturn(json("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		DingTalkStubs.runner(this.server, factory).run((context) -> {
			Throwable failure = catchThrowable(() -> context.getBean(AccessTokenProvider.class).getAccessToken());
			assertThat(failure).isInstanceOf(DingTalkApiException.class);
			messages.append(failure);
		});
		assertThat(output.getAll()).as("DEBUG output was captured").contains("DingTalk POST /topapi/busy failed (errcode -1), retry");
		for (String secret : List.of(DingTalkStubs.APP_SECRET, TOKEN_1, TOKEN_2)) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(messages.toString()).doesNotContain(secret);
		}
	}

}
