package io.dingboot.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.DingTalkStub;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the tests of the origin dd.config signs (with {@code dingtalk.jsapi.allowed-origins} empty)
 * share, one subclass per {@code server.forward-headers-strategy}, each with its own stand-in for
 * DingTalk. Each closes its context after its tests ({@code @DirtiesContext}), which also takes
 * Spring Boot's JDK-logging bridge away again, so that tests of other packages that rely on JDK
 * internal loggers staying silent do not depend on the order the classes run in.
 */
abstract class DdConfigOriginTestSupport {

	static final String LOGIN = "dingtalk.login.enabled=true";

	static final String JSAPI = "dingtalk.jsapi.enabled=true";

	static final String FORWARDED_PAGE = "https://app.example.com/index.html";

	@LocalServerPort
	int port;

	static void register(DingTalkStub dingTalk, DynamicPropertyRegistry registry) {
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

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
