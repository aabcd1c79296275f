package io.dingboot.web;

import java.util.Map;

import io.dingboot.security.DingTalkStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input, as an outsider sends it, on every endpoint DingBoot opens, through a real Tomcat:
 * each answers DingBoot's own 400 JSON and writes at most one short log line, never an ERROR or a
 * stack trace, and DingTalk is not called. The context is closed after the class
 * ({@code @DirtiesContext}), taking Spring Boot's JDK-logging bridge away again for the tests that
 * follow.
 */
@SpringBootTest(classes = MalformedInputEndToEndTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.login.enabled=true", "dingtalk.jsapi.enabled=true", "dingtalk.corp-id=dingcorp",
				"dingtalk.agent-id=42", "dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
				"dingtalk.callback.aes-key=abcdefghijABCDEFGHIJ0123456789abcdefghijABC" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class MalformedInputEndToEndTests {

	@RegisterExtension
	static final DingTalkStub dingTalk = new DingTalkStub();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		dingTalk.register(registry);
	}

	@Test
	void ddConfigWithAParameterWithoutNameAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "GET /dingtalk/jsapi/config?=x HTTP/1.1", Map.of("Accept", "application/json"), null,
				"{\"error\":\"invalid_request\",\"message\":\"The query string is not URL-encoded\"}");
	}

	@Test
	void ddConfigWithAnUndecodableUrlAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "GET /dingtalk/jsapi/config?url=%zz HTTP/1.1", Map.of(), null,
				"{\"error\":\"invalid_request\",\"message\":\"The query string is not URL-encoded\"}");
	}

	@Test
	void formLoginWithAnUndecodableCodeAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "POST /login/dingtalk HTTP/1.1",
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), "code=%zz",
				"{\"error\":\"invalid_request\",\"message\":\"The login request's parameters are not URL-encoded\"}");
	}

	@Test
	void jsonLoginWithAnUndecodableQueryAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "POST /login/dingtalk?a=%zz HTTP/1.1", Map.of("Content-Type", "application/json"),
				"{\"code\":\"good-code\"}",
				"{\"error\":\"invalid_request\",\"message\":\"The login request's parameters are not URL-encoded\"}");
	}

	@Test
	void callbackWithAnUndecodableQueryAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "POST /dingtalk/callback?signature=%zz&timestamp=1&nonce=n HTTP/1.1",
				Map.of("Content-Type", "application/json"), "{\"encrypt\":\"x\"}",
				"{\"error\":\"malformed_request\",\"message\":\"The query string is not URL-encoded\"}");
	}

	@Test
	void callbackWithAParameterWithoutNameAnswers400Json(CapturedOutput output) throws Exception {
		assertRefused(output, "POST /dingtalk/callback?=x HTTP/1.1", Map.of("Content-Type", "application/json"),
				"{\"encrypt\":\"x\"}", "{\"error\":\"missing_parameter\",\"message\":\"signature (or msg_signature), "
						+ "timestamp (or timeStamp) and nonce are required\"}");
	}

	private void assertRefused(CapturedOutput output, String requestLine, Map<String, String> headers, String body,
			String expectedBody) throws Exception {
		int before = output.getAll().length();
		RawHttp.Response response = RawHttp.send(this.port, requestLine, headers, body);
		String logged = output.getAll().substring(before);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(expectedBody);
		assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(logged).doesNotContain("ERROR").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(logged.lines().count()).as(logged).isLessThanOrEqualTo(1);
		assertThat(dingTalk.allCalls()).isZero();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
