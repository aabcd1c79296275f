package io.dingboot.autoconfigure;

import java.time.Instant;

import io.dingboot.V1ApiWireMock;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.robot.RobotMessage;
import io.dingboot.robot.RobotReplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class DingTalkRobotAutoConfigurationTests {

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkRobotAutoConfiguration.class));

	@Test
	void withoutCredentialsThenNoRobotBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AppRobotApi.class).doesNotHaveBean(RobotReplier.class);
		});
	}

	@Test
	void withCredentialsThenRobotBeansExistLazilyWithTheAppsRobotCode() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.robot-code=dingrobot")
			.run((context) -> {
				assertThat(context.getBeanFactory().containsSingleton("dingTalkAppRobotApi")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("dingTalkRobotReplier")).isFalse();
				assertThat(context).hasSingleBean(AppRobotApi.class).hasSingleBean(RobotReplier.class);
				assertThat(context.getBean(AppRobotApi.class).robotCode()).isEqualTo("dingrobot");
			});
	}

	@Test
	void robotApiCallsTheApiBaseUrlWithTheTokenInTheHeader() {
		dingTalk.reset();
		dingTalk.stub("POST", "/v1.0/robot/groupMessages/send", 200, "{\"processQueryKey\":\"k\"}");
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.robot-code=dingrobot",
					"dingtalk.base-url=" + dingTalk.baseUrl(), "dingtalk.api-base-url=" + dingTalk.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(AppRobotApi.class).sendToGroup("cid1", RobotMessage.text("hi"))).isEqualTo("k");
				dingTalk.server()
					.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/robot/groupMessages/send"))
						.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
						.withRequestBody(equalToJson("{\"robotCode\":\"dingrobot\",\"openConversationId\":\"cid1\"}", true,
								true)));
			});
	}

	@Test
	void sessionWebhookMarginDefaultsToOneMinuteAndIsConfigurable() {
		Instant inNinetySeconds = Instant.now().plusSeconds(90);
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.run((context) -> assertThat(context.getBean(RobotReplier.class).isValid(inNinetySeconds)).isTrue());
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
					"dingtalk.robot.reply.session-webhook-margin=2m")
			.run((context) -> assertThat(context.getBean(RobotReplier.class).isValid(inNinetySeconds)).isFalse());
	}

	@Test
	void negativeSessionWebhookMarginFailsAtStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
					"dingtalk.robot.reply.session-webhook-margin=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidDingTalkPropertyException.class)
				.hasMessageContaining("dingtalk.robot.reply.session-webhook-margin"));
	}

	@Test
	void userDefinedRobotBeansWin() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.withUserConfiguration(UserRobot.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AppRobotApi.class);
				assertThat(context.getBean(AppRobotApi.class)).isSameAs(context.getBean(UserRobot.class).robot);
				assertThat(context.getBean(RobotReplier.class)).isSameAs(context.getBean(UserRobot.class).replier);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRobot {

		final AppRobotApi robot = new AppRobotApi(dingTalk.reset(), "mine");

		final RobotReplier replier = new RobotReplier(dingTalk.transport(), this.robot, java.time.Duration.ZERO,
				java.time.Clock.systemUTC());

		@Bean
		AppRobotApi myRobot() {
			return this.robot;
		}

		@Bean
		RobotReplier myReplier() {
			return this.replier;
		}

	}

}
