package io.dingboot.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.DingTalkStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of the origin dd.config signs (with {@code dingtalk.jsapi.allowed-origins} empty)
 * share, one subclass per {@code server.forward-headers-strategy}, each with its own stand-in for
 * DingTalk: started before the class's context, reset before each test and stopped after the class
 * (the classes run one after the other). Each closes its context after its tests
 * ({@code @DirtiesContext}), which also takes Spring Boot's JDK-logging bridge away again, so that
 * tests of other packages that rely on JDK internal loggers staying silent do not depend on the
 * order the classes run in.
 */
abstract class DdConfigOriginTestSupport {

	static final String LOGIN = "dingtalk.login.enabled=true";

	static final String JSAPI = "dingtalk.jsapi.enabled=true";

	static final String FORWARDED_PAGE = "https://app.example.com/index.html";

	private static DingTalkStub dingTalk;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startDingTalk() {
		dingTalk = new DingTalkStub();
	}

	@AfterAll
	static void stopDingTalk() {
		dingTalk.stop();
	}

	@BeforeEach
	void resetDingTalk() {
		dingTalk.reset();
	}

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		dingTalk.register(registry);
		registry.add("dingtalk.corp-id", () -> "dingcorp");
		registry.add("dingtalk.agent-id", () -> "42");
	}

	RawHttp.Response ddConfig(String page, Map<String, String> headers) throws Exception {
		return RawHttp.send(this.port, "GET /dingtalk/jsapi/config?url=" + page + " HTTP/1.1", headers, null);
	}

	/**
	 * What a TLS-terminating proxy in front of {@code https://app.example.com} adds.
	 * @return the headers
	 */
	static Map<String, String> forwardedByProxy() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Forwarded-Proto", "https");
		headers.put("X-Forwarded-Host", "app.example.com");
		return headers;
	}

	/**
	 * With a trusted {@code server.forward-headers-strategy}: the page of the proxy's origin is
	 * signed, a page of the server's own address asked for through the proxy is not.
	 */
	void assertTheForwardedSchemeAndHostDecideTheOrigin() throws Exception {
		RawHttp.Response forwarded = ddConfig(FORWARDED_PAGE, forwardedByProxy());
		assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
		assertThat(forwarded.body()).contains("\"signature\":\"");
		RawHttp.Response direct = ddConfig("http://127.0.0.1:" + this.port + "/", forwardedByProxy());
		assertThat(direct.status()).isEqualTo(400);
		assertThat(direct.body()).contains("\"error\":\"origin_not_allowed\"");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
