package io.dingboot.sample;

import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.test.FakeDingTalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input to the sample's own endpoints, sent unencoded through the real embedded Tomcat
 * over a plain socket: a query such as {@code %zz} is a 400 JSON answer and writes no ERROR and no
 * stack trace to the log; a direct request to {@code /error} is a 404.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SampleAppMalformedInputTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	SampleHttp http;

	@BeforeEach
	void newBrowser() {
		this.http = new SampleHttp(this.port);
		this.fake.resetJournal();
	}

	@Test
	void demoAuthCodeWithMalformedUseridIs400JsonAndLogsNoError(CapturedOutput output) {
		this.http.ensureCsrfToken();
		int logged = output.getAll().length();
		Response answer = this.http.raw("POST", "/demo/auth-code?userid=%zz");
		assertMalformedParameters(answer);
		assertNoWarningOrError(output, logged);
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo")).isZero();
	}

	@Test
	void demoEventsWithMalformedTypeIs400JsonAndLogsNoError(CapturedOutput output) {
		this.http.demoLogin("zhangsan");
		int logged = output.getAll().length();
		Response answer = this.http.raw("POST", "/demo/events?type=%zz&userid=wangwu");
		assertMalformedParameters(answer);
		assertNoWarningOrError(output, logged);
		assertThat(this.http.get("/api/events").json()).isEmpty();
	}

	@Test
	void malformedNameOfAParameterIs400Json(CapturedOutput output) {
		this.http.demoLogin("zhangsan");
		int logged = output.getAll().length();
		assertMalformedParameters(this.http.raw("POST", "/demo/events?%zz=1"));
		assertNoWarningOrError(output, logged);
	}

	@Test
	void missingUseridIs400Json() {
		this.http.ensureCsrfToken();
		Response answer = this.http.post("/demo/auth-code", null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("messageZh").asString()).isEqualTo("缺少参数 userid");
	}

	@Test
	void departmentIdThatIsNotANumberIs400Json() {
		this.http.demoLogin("zhangsan");
		Response answer = this.http.get("/api/departments/abc/children");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("message").asString()).isEqualTo("The value of 'id' has the wrong type");
		assertThat(this.fake.callCount("/topapi/v2/department/listsub")).isZero();
	}

	@Test
	void directRequestToErrorIs404JsonLoggedInOrNot(CapturedOutput output) {
		int logged = output.getAll().length();
		for (String method : new String[] { "GET", "POST" }) {
			Response anonymous = new SampleHttp(this.port).raw(method, "/error");
			assertThat(anonymous.status()).as(method).isEqualTo(404);
			assertThat(anonymous.contentType()).startsWith("application/json");
			assertThat(anonymous.json().path("error").asString()).isEqualTo("not_found");
			assertThat(anonymous.json().path("messageZh").asString()).isEqualTo("页面不存在");
			assertThat(anonymous.body()).doesNotContain("999");
		}
		this.http.demoLogin("zhangsan");
		assertThat(this.http.get("/error").status()).isEqualTo(404);
		assertThat(this.http.raw("GET", "/error/").status()).isEqualTo(404);
		assertThat(this.http.raw("GET", "/error;x=1").status()).isEqualTo(404);
		assertThat(this.http.raw("GET", "//error").status()).isEqualTo(404);
		assertNoWarningOrError(output, logged);
	}

	@Test
	void errorDispatchStillAnswersTheRealStatus() {
		this.http.demoLogin("zhangsan");
		Response missing = this.http.get("/no/such/page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("status").asInt()).isEqualTo(404);
	}

	private static void assertMalformedParameters(Response answer) {
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
		assertThat(answer.json().path("message").asString())
			.isEqualTo("The request parameters are not valid URL encoding");
		assertThat(answer.json().path("messageZh").asString()).isEqualTo("请求参数的 URL 编码无效");
	}

	/**
	 * Nothing logged since {@code from} at WARN or ERROR, and no stack trace.
	 */
	private static void assertNoWarningOrError(CapturedOutput output, int from) {
		String log = output.getAll().substring(from);
		assertThat(log).doesNotContain(" ERROR ", " WARN ", "Exception", "\tat ");
	}

}
