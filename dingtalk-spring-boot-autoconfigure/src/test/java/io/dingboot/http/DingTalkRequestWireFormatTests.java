package io.dingboot.http;

import java.net.URI;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.token.AccessTokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DingTalkRequest}, the escape hatch, reaches DingTalk exactly as built: any HTTP method,
 * query parameters, extra headers and body, with the access token where the client's
 * {@link TokenPlacement} says and nowhere else, at the client's or the request's base URL.
 */
class DingTalkRequestWireFormatTests {

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer v1 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
		DingTalkStubs.startWarm(this.v1);
		this.server.stubFor(gettoken().willReturn(token("tok-1", 7200)));
		this.server.stubFor(any(urlPathEqualTo("/topapi/thing")).willReturn(json(OK)));
		this.v1.stubFor(any(urlPathEqualTo("/v1.0/thing")).willReturn(json("{\"result\":true}")));
	}

	@AfterEach
	void stop() {
		this.server.stop();
		this.v1.stop();
	}

	private void run(ClientTest test) {
		DingTalkStubs.runner(this.server, "jdk")
			.run((context) -> test.run(context.getBean(DingTalkClient.class), context.getBean(DingTalkTransport.class),
					context.getBean(AccessTokenProvider.class)));
	}

	private LoggedRequest only(WireMockServer server, String path) {
		assertThat(server.findAll(anyRequestedFor(urlPathEqualTo(path)))).hasSize(1);
		return server.findAll(anyRequestedFor(urlPathEqualTo(path))).get(0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "GET", "POST", "PUT", "PATCH", "DELETE" })
	void everyMethodIsSentWithItsQueryHeadersBodyAndTheTokenInTheQuery(String method) {
		run((client, transport, tokens) -> {
			client.execute(DingTalkRequest.method(HttpMethod.valueOf(method), "/topapi/thing")
				.query("name", "研发 部&x=1")
				.header("X-Trace-Id", "trace-42")
				.header("X-Multi", "a")
				.header("X-Multi", "b")
				.body(Map.of("dept_id", 1))
				.build());
			LoggedRequest request = only(this.server, "/topapi/thing");
			assertThat(request.getMethod().getName()).isEqualTo(method);
			assertThat(request.getUrl()).isEqualTo("/topapi/thing?name=%E7%A0%94%E5%8F%91%20%E9%83%A8%26x%3D1&access_token=tok-1");
			assertThat(request.getHeader("X-Trace-Id")).isEqualTo("trace-42");
			assertThat(request.getHeaders().getHeader("X-Multi").values()).containsExactly("a", "b");
			assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
			assertThat(request.getHeader("Accept")).isEqualTo("application/json");
			assertThat(request.getBodyAsString()).isEqualTo("{\"dept_id\":1}");
			assertThat(request.containsHeader("x-acs-dingtalk-access-token")).isFalse();
		});
	}

	@Test
	void requestWithoutBodySendsNoContentType() {
		run((client, transport, tokens) -> {
			client.execute(DingTalkRequest.delete("/topapi/thing").query("id", 7).build());
			LoggedRequest request = only(this.server, "/topapi/thing");
			assertThat(request.getMethod().getName()).isEqualTo("DELETE");
			assertThat(request.getUrl()).isEqualTo("/topapi/thing?id=7&access_token=tok-1");
			assertThat(request.containsHeader("Content-Type")).isFalse();
			assertThat(request.getBody()).isEmpty();
		});
	}

	@Test
	void extraHeaderMaySetTheContentType() {
		run((client, transport, tokens) -> {
			client.execute(DingTalkRequest.put("/topapi/thing")
				.header("Content-Type", "application/json;charset=UTF-8")
				.body(Map.of("name", "研发部"))
				.build());
			LoggedRequest request = only(this.server, "/topapi/thing");
			assertThat(request.getHeaders().getHeader("Content-Type").values())
				.containsExactly("application/json;charset=UTF-8");
			assertThat(request.getBodyAsString()).isEqualTo("{\"name\":\"研发部\"}");
		});
	}

	@Test
	void clientOfAnotherFamilySendsTheTokenInItsHeaderToItsBaseUrlOnly() {
		run((legacy, transport, tokens) -> {
			DingTalkClient client = new DingTalkClient(transport, tokens, URI.create(this.v1.baseUrl()),
					TokenPlacement.ACS_TOKEN_HEADER);
			assertThat(client.execute(DingTalkRequest.post("/v1.0/thing").body(Map.of("a", 1)).build())
				.get("result")
				.asBoolean()).isTrue();
			LoggedRequest request = only(this.v1, "/v1.0/thing");
			assertThat(request.getUrl()).isEqualTo("/v1.0/thing");
			assertThat(request.getHeader("x-acs-dingtalk-access-token")).isEqualTo("tok-1");
			assertThat(request.getBodyAsString()).isEqualTo("{\"a\":1}");
			assertThat(client.toString()).doesNotContain("tok-1");
			// the token itself still comes from the legacy base URL's /gettoken
			this.server.verify(1, getRequestedFor(urlPathEqualTo("/gettoken")));
			assertThat(this.server.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/thing")))).isEmpty();
		});
	}

	@Test
	void requestNamingABaseUrlGoesThereWithTheClientsTokenPlacement() {
		run((client, transport, tokens) -> {
			client.execute(DingTalkRequest.get("/v1.0/thing").baseUrl(URI.create(this.v1.baseUrl() + "/")).build());
			LoggedRequest request = only(this.v1, "/v1.0/thing");
			assertThat(request.getUrl()).isEqualTo("/v1.0/thing?access_token=tok-1");
		});
	}

	@Test
	void answerOfAnotherFamilyWithHttpErrorCarriesItsCodeAndRequestId() {
		this.v1.stubFor(any(urlPathEqualTo("/v1.0/missing")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"InvalidParameter\",\"message\":\"bad\",\"requestid\":\"r-9\"}")));
		run((legacy, transport, tokens) -> {
			DingTalkClient client = new DingTalkClient(transport, tokens, URI.create(this.v1.baseUrl()),
					TokenPlacement.ACS_TOKEN_HEADER);
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get("/v1.0/missing").build()))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(Kind.HTTP_ERROR);
					assertThat(ex.getHttpStatus()).isEqualTo(400);
					assertThat(ex.getSubCode()).isEqualTo("InvalidParameter");
					assertThat(ex.getRequestId()).isEqualTo("r-9");
					assertThat(ex.getMessage()).doesNotContain("tok-1");
				});
			assertThat(this.v1.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@FunctionalInterface
	interface ClientTest {

		void run(DingTalkClient client, DingTalkTransport transport, AccessTokenProvider tokens);

	}

}
