package io.dingboot.sample;

import io.dingboot.sample.SampleHttp.Response;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeOrganization;
import io.dingboot.test.FakeUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample in real mode: credentials are configured (here for a separate FakeDingTalk standing
 * in for DingTalk, with its own organisation and app), so no demo fake starts and the demo
 * endpoints do not exist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.base-url=${sample.test.dingtalk-url}", "dingtalk.app-key=dingrealkey",
				"dingtalk.app-secret=real-secret", "dingtalk.corp-id=dingrealcorp", "dingtalk.agent-id=4242",
				"dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleAppRealModeTests {

	private static final FakeDingTalk dingTalk = FakeDingTalk.start(FakeOrganization.builder()
		.name("真实公司")
		.app("dingrealkey", "real-secret", "dingrealcorp", "real-corp-secret", 4242)
		.department(10, "产品部", 1)
		.user(FakeUser.builder("alice").name("爱丽丝").departments(10).admin(true).build())
		.build());

	static {
		System.setProperty("sample.test.dingtalk-url", dingTalk.baseUrl());
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@AfterAll
	static void stopDingTalk() {
		System.clearProperty("sample.test.dingtalk-url");
		dingTalk.stop();
	}

	@Test
	void modeIsRealWithTheConfiguredCorpId() {
		JsonNode mode = new SampleHttp(this.port).get("/api/mode").json();
		assertThat(mode.path("mode").asString()).isEqualTo("real");
		assertThat(mode.path("corpId").asString()).isEqualTo("dingrealcorp");
		assertThat(mode.path("agentId").asLong()).isEqualTo(4242L);
		assertThat(mode.path("callbackEnabled").asBoolean()).isFalse();
		assertThat(mode.path("streamEnabled").asBoolean()).isFalse();
	}

	@Test
	void noDemoFakeIsStarted() {
		assertThat(this.context.getBeansOfType(FakeDingTalk.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("sample.demo.enabled")).isNull();
	}

	@Test
	void demoEndpointsDoNotExist() {
		SampleHttp http = new SampleHttp(this.port);
		http.ensureCsrfToken();
		assertThat(http.get("/demo/users").status()).isEqualTo(404);
		assertThat(http.post("/demo/auth-code?userid=alice", null).status()).isEqualTo(404);
		assertThat(http.get("/demo/inbox").status()).isEqualTo(401);
		http.login(dingTalk.issueAuthCode("alice"));
		assertThat(http.get("/demo/users").status()).isEqualTo(404);
		assertThat(http.get("/demo/inbox").status()).isEqualTo(404);
		assertThat(http.post("/demo/auth-code?userid=alice", null).status()).isEqualTo(404);
	}

	@Test
	void loginWithACodeFromDingTalkThenMeAndNotificationsUseTheConfiguredOrganisation() {
		SampleHttp http = new SampleHttp(this.port);
		assertThat(http.get("/api/me").status()).isEqualTo(401);
		assertThat(http.login(dingTalk.issueAuthCode("alice")).status()).isEqualTo(200);
		JsonNode me = http.get("/api/me").json();
		assertThat(me.path("name").asString()).isEqualTo("爱丽丝");
		assertThat(me.path("admin").asBoolean()).isTrue();
		assertThat(me.path("departments").get(0).path("name").asString()).isEqualTo("产品部");
		Response sent = http.post("/api/notifications",
				"{\"userids\":[\"alice\"],\"type\":\"text\",\"content\":\"real mode\"}");
		assertThat(sent.status()).isEqualTo(200);
		assertThat(dingTalk.sentMessagesTo("alice")).singleElement().satisfies((message) -> {
			assertThat(message.agentId()).isEqualTo(4242L);
			assertThat(message.text()).isEqualTo("real mode");
		});
	}

	@Test
	void pageLoadsTheDingTalkJsapiOnlyInRealMode() {
		Response script = new SampleHttp(this.port).getPage("/app.js");
		assertThat(script.body()).contains("https://g.alicdn.com/dingding/dingtalk-jsapi/2.10.3/dingtalk.open.js",
				"dd.runtime.permission.requestAuthCode", "corpId: mode.corpId");
	}

}
