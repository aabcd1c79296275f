package io.dingboot.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.dingboot.autoconfigure.DingTalkAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock stubs of DingTalk answers shared by the core tests.
 */
public final class DingTalkStubs {

	public static final String APP_KEY = "dingappkey123";

	public static final String APP_SECRET = "app-secret-XYZ-987";

	private DingTalkStubs() {
	}

	/**
	 * Start {@code server} and send it one request, so that its first answer to a test is not
	 * slowed by warm-up (tests use short read timeouts).
	 * @param server the server
	 */
	public static void startWarm(WireMockServer server) {
		server.start();
		try {
			HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/__warm-up")).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			throw new IllegalStateException("WireMock did not answer", ex);
		}
		server.resetRequests();
	}

	public static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
	}

	public static ResponseDefinitionBuilder token(String token, int expiresIn) {
		return json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
				+ "}");
	}

	public static MappingBuilder gettoken() {
		return get(urlPathEqualTo("/gettoken"));
	}

	public static String wrapped(String subCode, String subMsg) {
		return "{\"errcode\":88,\"sub_code\":\"" + subCode + "\",\"sub_msg\":\"" + subMsg
				+ "\",\"errmsg\":\"ding talk error[subcode=" + subCode + ",submsg=" + subMsg
				+ "]\",\"request_id\":\"16l4ew3d47pdp\"}";
	}

	/**
	 * A context runner with DingBoot's core auto-configuration pointed at {@code server}, with
	 * short retry backoffs.
	 * @param server the stub server
	 * @return the runner
	 */
	public static ApplicationContextRunner runner(WireMockServer server) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=http://127.0.0.1:" + server.port(), "dingtalk.app-key=" + APP_KEY,
					"dingtalk.app-secret=" + APP_SECRET, "dingtalk.retry.initial-backoff=10ms",
					"dingtalk.retry.max-backoff=40ms", "dingtalk.http.read-timeout=1s",
					"dingtalk.http.connect-timeout=500ms");
	}

	/**
	 * {@link #runner(WireMockServer)} with Boot's HTTP client, Jackson and {@code RestClient}
	 * auto-configuration, as in an application, and Boot told which HTTP library to use.
	 * @param server the stub server
	 * @param httpLibrary a value of {@code spring.http.clients.imperative.factory}
	 * @return the runner
	 */
	public static ApplicationContextRunner runner(WireMockServer server, String httpLibrary) {
		return runner(server)
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.imperative.factory=" + httpLibrary);
	}

}
