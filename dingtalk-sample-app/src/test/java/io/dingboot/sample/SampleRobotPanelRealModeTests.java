package io.dingboot.sample;

import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeOrganization;
import io.dingboot.test.FakeUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot panel in real mode (credentials configured, here for a FakeDingTalk standing in for
 * DingTalk): every endpoint answers 409 {@code robots_demo_only} saying what to configure, and
 * nothing reaches DingTalk.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.base-url=${sample.test.robot-panel-url}", "dingtalk.app-key=dingrealkey",
				"dingtalk.app-secret=real-secret", "dingtalk.corp-id=dingrealcorp", "dingtalk.agent-id=4242" })
class SampleRobotPanelRealModeTests {

	private static final FakeDingTalk dingTalk = FakeDingTalk.start(FakeOrganization.builder()
		.name("真实公司")
		.app("dingrealkey", "real-secret", "dingrealcorp", "real-corp-secret", 4242)
		.department(10, "产品部", 1)
		.user(FakeUser.builder("alice").name("爱丽丝").departments(10).build())
		.build());

	static {
		System.setProperty("sample.test.robot-panel-url", dingTalk.baseUrl());
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopDingTalk() {
		System.clearProperty("sample.test.robot-panel-url");
		dingTalk.stop();
	}

	@Test
	void everyPanelEndpointAnswers409DemoOnlyNamingTheProperties() {
		SampleHttp http = new SampleHttp(this.port);
		assertThat(http.login(dingTalk.issueAuthCode("alice")).status()).isEqualTo(200);
		dingTalk.resetJournal();
		Response panel = http.get("/demo/robots");
		assertThat(panel.status()).isEqualTo(409);
		assertThat(panel.json().path("error").asString()).isEqualTo("robots_demo_only");
		assertThat(panel.json().path("message").asString()).contains("demo mode", "dingtalk.robots.*",
				"dingtalk.robot-code");
		assertThat(panel.json().path("messageZh").asString()).contains("演示模式");
		for (String path : new String[] { "/demo/robots/custom", "/demo/robots/app" }) {
			Response answer = http.post(path, "{\"text\":\"x\"}");
			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.json().path("error").asString()).isEqualTo("robots_demo_only");
		}
		assertThat(http.post("/demo/robots/card", null).status()).isEqualTo(409);
		assertThat(http.get("/demo/robots/chat").status()).isEqualTo(409);
		Response chat = http.post("/demo/robots/messages", "{\"text\":\"x\"}");
		assertThat(chat.status()).isEqualTo(409);
		assertThat(chat.json().path("error").asString()).isEqualTo("robots_demo_only");
		assertThat(http.get("/demo/robots/conversation").status()).isEqualTo(409);
		assertThat(dingTalk.callCount("/robot/sendBySession")).isZero();
		assertThat(dingTalk.callCount("/robot/send")).isZero();
		assertThat(dingTalk.callCount("/v1.0/robot/groupMessages/send")).isZero();
		assertThat(dingTalk.callCount("/v1.0/card/instances/createAndDeliver")).isZero();
	}

}
