package io.dingboot;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock DingTalk for the API group tests: {@code /gettoken} answers token {@code t}, and
 * {@link #client()} builds the real client stack against it.
 */
public final class ApiWireMock implements BeforeAllCallback, AfterAllCallback {

	public static final String TOKEN = "t";

	private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private TokenCache tokenCache;

	public ApiWireMock start() {
		this.server.start();
		return this;
	}

	public void stop() {
		this.server.stop();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Forget all stubs and requests, stub {@code /gettoken}, and build a fresh client stack.
	 * @return a client whose token is {@code t}
	 */
	public DingTalkClient reset() {
		this.server.resetAll();
		this.server.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}")));
		return client();
	}

	public DingTalkClient client() {
		DingTalkTransport transport = new DingTalkTransport(RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults()
					.withConnectTimeout(Duration.ofSeconds(2))
					.withReadTimeout(Duration.ofSeconds(5)))),
				URI.create(baseUrl()), new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50)));
		this.tokenCache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofMillis(10));
		return new DingTalkClient(transport,
				DefaultAccessTokenProvider.forApp(this.tokenCache, transport, "appkey", "appsecret"));
	}

	public TokenCache tokenCache() {
		return this.tokenCache;
	}

	/**
	 * Stub a POST answering {@code json}.
	 * @param path the path
	 * @param json the answer
	 */
	public void stubPost(String path, String json) {
		this.server.stubFor(post(urlPathEqualTo(path)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(json)));
	}

	/**
	 * Stub a GET answering {@code json}.
	 * @param path the path
	 * @param json the answer
	 */
	public void stubGet(String path, String json) {
		this.server.stubFor(get(urlPathEqualTo(path)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(json)));
	}

}
