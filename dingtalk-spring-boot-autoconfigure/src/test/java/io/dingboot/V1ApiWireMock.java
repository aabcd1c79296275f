package io.dingboot;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.http.TokenPlacement;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock DingTalk for the v1.0 API family tests: {@code /gettoken} answers token {@code t};
 * {@link #reset()} builds a fresh transport and a v1.0 client (token in the
 * {@code x-acs-dingtalk-access-token} header) against it.
 */
public final class V1ApiWireMock implements BeforeAllCallback, AfterAllCallback {

	public static final String TOKEN = "t";

	public static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private DingTalkTransport transport;

	private DingTalkClient apiClient;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop();
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Forget all stubs and requests, stub {@code /gettoken}, and build a fresh client stack.
	 * @return the v1.0 client
	 */
	public DingTalkClient reset() {
		this.server.resetAll();
		this.server.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}")));
		this.transport = new DingTalkTransport(RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults()
					.withConnectTimeout(Duration.ofSeconds(2))
					.withReadTimeout(Duration.ofSeconds(5)))),
				URI.create(baseUrl()), new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)));
		TokenCache tokenCache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofMillis(10));
		this.apiClient = new DingTalkClient(this.transport,
				DefaultAccessTokenProvider.forApp(tokenCache, this.transport, "appkey", "appsecret"), URI.create(baseUrl()),
				TokenPlacement.ACS_TOKEN_HEADER);
		return this.apiClient;
	}

	public DingTalkTransport transport() {
		return this.transport;
	}

	public DingTalkClient apiClient() {
		return this.apiClient;
	}

	/**
	 * Stub {@code method path} answering {@code status} with {@code json}.
	 * @param method the method
	 * @param path the path
	 * @param status the status
	 * @param json the body
	 */
	public void stub(String method, String path, int status, String json) {
		this.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.request(method, urlPathEqualTo(path))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
				.withBody(json)));
	}

}
