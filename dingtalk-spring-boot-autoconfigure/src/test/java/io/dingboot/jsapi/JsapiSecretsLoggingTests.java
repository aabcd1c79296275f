package io.dingboot.jsapi;

import io.dingboot.ApiWireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class JsapiSecretsLoggingTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void resetLevels() {
		this.logging.setLogLevel("io.dingboot", null);
		this.logging.setLogLevel("org.springframework.web", null);
	}

	@Test
	void ticketAndAccessTokenNeverAppearInDebugLogsOrSignerOutput(CapturedOutput output) {
		this.logging.setLogLevel("io.dingboot", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).inScenario("busy")
				.whenScenarioStateIs(STARTED)
				.willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}"))
				.willSetStateTo("ok"));
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).inScenario("busy")
				.whenScenarioStateIs("ok")
				.willReturn(okJson("{\"errcode\":0,\"ticket\":\"TICKET-SECRET-123\",\"expires_in\":7200}")));
		JsapiSigner signer = new JsapiSigner(tickets, "dingcorp", 1L, SignatureAlgorithm.SHA1);
		DdConfig config = signer.sign("https://a.com/page");
		assertThat(config.toString()).doesNotContain("TICKET-SECRET-123");
		assertThat(output).contains("/get_jsapi_ticket");
		assertThat(output).doesNotContain("TICKET-SECRET-123").doesNotContain("access_token=" + ApiWireMock.TOKEN);
	}

}
