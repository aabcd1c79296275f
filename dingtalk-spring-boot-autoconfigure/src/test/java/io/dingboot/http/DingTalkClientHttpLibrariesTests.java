package io.dingboot.http;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DingBoot keeps its wire format and its no-second-send rule over every HTTP library Boot can pick
 * underneath ({@code spring.http.clients.imperative.factory}): the JDK client (Boot's choice when
 * nothing else is on the class path), Apache HttpClient 5 (Boot's first choice when present) and
 * {@code HttpURLConnection}.
 */
class DingTalkClientHttpLibrariesTests {

	private static final String LISTSUB = "/topapi/v2/department/listsub";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
		this.server.stubFor(DingTalkStubs.gettoken().willReturn(DingTalkStubs.token("tok-1", 7200)));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private void run(String factory, ClientTest test) {
		DingTalkStubs.runner(this.server, factory).run((context) -> {
			assertThat(context).hasNotFailed();
			test.run(context.getBean(DingTalkClient.class));
		});
	}

	private int listsubCount() {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(LISTSUB)).build()).getCount();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "jdk, Java-http-client/.*", "http-components, Apache-HttpClient/5.*", "simple, Java/.*" })
	void requestGoesThroughTheLibraryBootWasToldToUse(String factory, String userAgent) {
		this.server.stubFor(post(urlPathEqualTo(LISTSUB)).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}")));
		run(factory, (client) -> {
			client.execute(DingTalkRequest.post(LISTSUB).body(Map.of("dept_id", 1)).build());
			this.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(LISTSUB)).withHeader("User-Agent", matching(userAgent)));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "http-components", "simple" })
	void requestKeepsItsWireFormatAndUtf8Text(String factory) {
		this.server.stubFor(post(urlPathEqualTo(LISTSUB)).willReturn(json(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[{\"dept_id\":2,\"name\":\"研发部\",\"parent_id\":1}]}")));
		run(factory, (client) -> {
			JsonNode answer = client
				.execute(DingTalkRequest.post(LISTSUB).body(Map.of("dept_id", 1, "language", "zh_CN")).build());
			assertThat(answer.get("result").get(0).get("name").asString()).isEqualTo("研发部");
			this.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(LISTSUB))
				.withQueryParam("access_token", equalTo("tok-1"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"dept_id\":1,\"language\":\"zh_CN\"}")));
		});
	}

	@ParameterizedTest(name = "{0}, {1}")
	@CsvSource({ "jdk, CONNECTION_RESET_BY_PEER", "jdk, EMPTY_RESPONSE",
			"http-components, CONNECTION_RESET_BY_PEER", "http-components, EMPTY_RESPONSE",
			"simple, CONNECTION_RESET_BY_PEER", "simple, EMPTY_RESPONSE" })
	void postWhoseAnswerNeverCameIsSentOnce(String factory, Fault fault) {
		this.server.stubFor(post(urlPathEqualTo(LISTSUB)).willReturn(aResponse().withFault(fault)));
		run(factory, (client) -> {
			DingTalkRequest send = DingTalkRequest.post(LISTSUB).body(Map.of("dept_id", 1)).build();
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(send))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.IO_ERROR);
					assertThat(ex.getMessage()).contains(LISTSUB);
				});
			assertThat(listsubCount()).isEqualTo(1);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "http-components", "simple" })
	void postThatTimesOutIsSentOnceAndSaysSoAndTheNextCallSucceeds(String factory) {
		this.server.stubFor(post(urlPathEqualTo(LISTSUB))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}").withFixedDelay(2500)));
		run(factory, (client) -> {
			DingTalkRequest send = DingTalkRequest.post(LISTSUB).body(Map.of("dept_id", 1)).build();
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> client.execute(send))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.IO_ERROR);
					assertThat(ex.getMessage()).contains(LISTSUB).contains("timed out");
				});
			assertThat(listsubCount()).isEqualTo(1);
			this.server.stubFor(post(urlPathEqualTo(LISTSUB)).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}")));
			assertThat(client.execute(send).get("errcode").asInt()).isZero();
			assertThat(listsubCount()).isEqualTo(2);
		});
	}

	@FunctionalInterface
	interface ClientTest {

		void run(DingTalkClient client);

	}

}
