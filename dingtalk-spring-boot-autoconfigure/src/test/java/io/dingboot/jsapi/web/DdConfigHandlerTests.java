package io.dingboot.jsapi.web;

import java.util.List;

import io.dingboot.ApiWireMock;
import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.jsapi.SignatureAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunctions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DdConfigHandlerTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private static final String PATH = "/dingtalk/jsapi/config";

	private DingTalkClient client;

	@BeforeEach
	void reset() {
		this.client = dingTalk.reset();
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"tk\",\"expires_in\":7200}");
	}

	@Test
	void pageOfTheRequestsOwnOriginIsSignedWithExactlyTheFiveFields() throws Exception {
		MvcResult result = mvc(List.of()).perform(config("http://app.example.com/app/index.html?x=%E4%B8%AD#/home", "http", 80))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();
		JsonNode body = JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		assertThat(body.propertyNames()).containsExactly("agentId", "corpId", "timeStamp", "nonceStr", "signature");
		assertThat(body.get("agentId").asString()).isEqualTo("42");
		assertThat(body.get("corpId").asString()).isEqualTo("dingcorp");
		assertThat(body.get("signature").asString()).isEqualTo(JsapiSigner.sign("tk", body.get("nonceStr").asString(),
				body.get("timeStamp").asString(), "http://app.example.com/app/index.html?x=中"));
	}

	@Test
	void ticketIsFetchedOnceForManySignatures() throws Exception {
		MockMvc mvc = mvc(List.of());
		for (int i = 0; i < 3; i++) {
			mvc.perform(config("https://app.example.com/p" + i, "https", 443)).andExpect(status().isOk());
		}
		dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void defaultAndExplicitPortsAreTheSameOrigin() throws Exception {
		mvc(List.of()).perform(config("https://APP.example.com:443/", "https", 443)).andExpect(status().isOk());
		mvc(List.of()).perform(config("http://app.example.com:8080/", "http", 8080)).andExpect(status().isOk());
	}

	@Test
	void pageOfAnotherOriginIsRefused() throws Exception {
		MockMvc mvc = mvc(List.of());
		expectError(mvc, config("https://evil.example.com/", "https", 443), "origin_not_allowed");
		expectError(mvc, config("http://app.example.com/", "https", 443), "origin_not_allowed");
		expectError(mvc, config("https://app.example.com:8443/", "https", 443), "origin_not_allowed");
		expectError(mvc, config("https://app.example.com.evil.com/", "https", 443), "origin_not_allowed");
		dingTalk.server().verify(exactly(0), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void configuredOriginsReplaceTheRequestsOwnOrigin() throws Exception {
		MockMvc mvc = mvc(List.of(PageOrigin.parseOrigin("https://h5.example.com")));
		mvc.perform(config("https://h5.example.com/index.html", "https", 443, "api.example.com"))
			.andExpect(status().isOk());
		expectError(mvc, config("https://api.example.com/index.html", "https", 443, "api.example.com"),
				"origin_not_allowed");
	}

	@Test
	void missingOrMalformedUrlThen400InvalidUrl() throws Exception {
		MockMvc mvc = mvc(List.of());
		expectError(mvc, request(org.springframework.http.HttpMethod.GET, PATH), "invalid_url");
		for (String url : List.of("", " ", "/index.html", "app.example.com/x", "javascript:alert(1)",
				"ftp://app.example.com/", "https://user@app.example.com/", "https://evil.com\\@app.example.com/",
				"https://app.example.com:99999/",
				"https://app.example.com/?q=%zz", "https://app.example.com/" + "a".repeat(2100))) {
			expectError(mvc, config(url, "https", 443), "invalid_url");
		}
		dingTalk.server().verify(exactly(0), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void ticketUnavailableThen503() throws Exception {
		dingTalk.server().stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).willReturn(aResponse().withStatus(500)));
		mvc(List.of()).perform(config("https://app.example.com/", "https", 443))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.error").value("dingtalk_unavailable"));
	}

	@Test
	void ticketThrottledThen503WithRetryAfter() throws Exception {
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":90018,\"errmsg\":\"qps\"}");
		mvc(List.of()).perform(config("https://app.example.com/", "https", 443))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.error").value("dingtalk_unavailable"));
	}

	@Test
	void appParameterPicksThatAppsSignerAndItsCorpAndAgent() throws Exception {
		JsapiSigner main = signer("dingcorp", 42L);
		JsapiSigner hr = signer("dinghrcorp", 7L);
		DdConfigHandler handler = new DdConfigHandler((name) -> switch (name) {
			case "default" -> main;
			case "hr" -> hr;
			default -> null;
		}, List.of());
		MockMvc mvc = MockMvcBuilders.routerFunctions(RouterFunctions.route(RequestPredicates.GET(PATH), handler::handle))
			.build();
		mvc.perform(config("https://app.example.com/", "https", 443).queryParam("app", "hr"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.corpId").value("dinghrcorp"))
			.andExpect(jsonPath("$.agentId").value(7));
		mvc.perform(config("https://app.example.com/", "https", 443))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.corpId").value("dingcorp"));
	}

	@Test
	void unknownAppAnswers404JsonNamingNoConfiguredAppEvenWithoutAUrl() throws Exception {
		MockMvc mvc = mvc(List.of());
		for (var request : List.of(config("https://app.example.com/", "https", 443).queryParam("app", "hr"),
				request(org.springframework.http.HttpMethod.GET, PATH).queryParam("app", "nosuch"))) {
			mvc.perform(request)
				.andExpect(status().isNotFound())
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().string(
						"{\"error\":\"unknown_app\",\"message\":\"No DingTalk app signs dd.config under this name\"}"));
		}
		dingTalk.server().verify(exactly(0), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	private JsapiSigner signer(String corpId, long agentId) {
		return new JsapiSigner(new JsapiTicketProvider(this.client, dingTalk.tokenCache(), corpId), corpId, agentId,
				SignatureAlgorithm.SHA1);
	}

	private MockMvc mvc(List<PageOrigin> origins) {
		JsapiSigner signer = new JsapiSigner(new JsapiTicketProvider(this.client, dingTalk.tokenCache(), "appkey"),
				"dingcorp", 42L, SignatureAlgorithm.SHA1);
		DdConfigHandler handler = new DdConfigHandler(signer, origins);
		return MockMvcBuilders.routerFunctions(RouterFunctions.route(RequestPredicates.GET(PATH), handler::handle)).build();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder config(String url,
			String scheme, int port) {
		return config(url, scheme, port, "app.example.com");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder config(String url,
			String scheme, int port, String host) {
		return request(org.springframework.http.HttpMethod.GET, PATH).queryParam("url", url)
			.with((request) -> {
				request.setScheme(scheme);
				request.setServerName(host);
				request.setServerPort(port);
				return request;
			});
	}

	private static void expectError(MockMvc mvc, org.springframework.test.web.servlet.RequestBuilder request,
			String error) throws Exception {
		mvc.perform(request).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(error));
	}

}
