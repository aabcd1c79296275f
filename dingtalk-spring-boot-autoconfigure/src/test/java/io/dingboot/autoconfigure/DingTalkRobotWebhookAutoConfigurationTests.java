package io.dingboot.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.robot.webhook.DingTalkRobots;
import io.dingboot.robot.webhook.RobotSender;
import io.dingboot.robot.webhook.UnknownRobotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DingTalkRobotWebhookAutoConfiguration}: which beans {@code dingtalk.robots.*} gives, and
 * which property a wrong robot names.
 */
class DingTalkRobotWebhookAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkRobotWebhookAutoConfiguration.class));

	@Test
	void noRobotsNoBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DingTalkRobots.class);
			assertThat(context).doesNotHaveBean(RobotSender.class);
		});
	}

	@Test
	void oneRobotGivesRegistryAndSingleSenderWithoutAppCredentials() {
		this.runner.withPropertyValues("dingtalk.robots.alerts.access-token=abc").run((context) -> {
			assertThat(context).hasSingleBean(DingTalkRobots.class);
			assertThat(context.getBean(DingTalkRobots.class).names()).containsExactly("alerts");
			assertThat(context.getBean(RobotSender.class).name()).isEqualTo("alerts");
			assertThat(context.getBean(RobotSender.class)).isSameAs(context.getBean(DingTalkRobots.class).get("alerts"));
		});
	}

	@Test
	void twoRobotsGiveRegistryOnlyAndUnknownNameListsTheNames() {
		this.runner
			.withPropertyValues("dingtalk.robots.alerts.access-token=abc", "dingtalk.robots.ops.access-token=def")
			.run((context) -> {
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				assertThat(robots.names()).containsExactly("alerts", "ops");
				assertThat(context).doesNotHaveBean(RobotSender.class);
				assertThatExceptionOfType(UnknownRobotException.class).isThrownBy(() -> robots.get("nope"))
					.withMessage("No DingTalk custom robot is named 'nope'; the robots are [alerts, ops]");
			});
	}

	@Test
	void userRobotsBeanWins() {
		RobotSender alerts = new OwnSender().ownSender();
		DingTalkRobots own = new DingTalkRobots(Map.of("alerts", alerts));
		this.runner.withBean(DingTalkRobots.class, () -> own)
			.withPropertyValues("dingtalk.robots.alerts.access-token=abc")
			.run((context) -> {
				assertThat(context.getBean(DingTalkRobots.class)).isSameAs(own);
				assertThat(context.getBean(RobotSender.class)).isSameAs(alerts);
			});
	}

	@Test
	void userSenderBeanWins() {
		this.runner.withUserConfiguration(OwnSender.class)
			.withPropertyValues("dingtalk.robots.alerts.access-token=abc")
			.run((context) -> assertThat(context.getBean(RobotSender.class).name()).isEqualTo("own"));
	}

	@Test
	void webhookOnDingTalkHostSendsToBaseUrlWithItsToken() {
		WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		try {
			server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
			this.runner
				.withPropertyValues("dingtalk.base-url=http://127.0.0.1:" + server.port(),
						"dingtalk.robots.alerts.webhook=https://oapi.dingtalk.com/robot/send?access_token=tok%2B1",
						"dingtalk.robots.alerts.secret=SECabc")
				.run((context) -> context.getBean(RobotSender.class).sendText("hello"));
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).singleElement()
				.satisfies((request) -> {
					assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("tok+1");
					assertThat(request.queryParameter("sign").isPresent()).isTrue();
				});
		}
		finally {
			server.stop();
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
			"dingtalk.robots.alerts.keywords|x|dingtalk.robots.alerts.access-token|is not set",
			"dingtalk.robots.alerts.access-token|https://oapi.dingtalk.com/robot/send?access_token=abc|dingtalk.robots.alerts.access-token|holds a URL",
			"dingtalk.robots.alerts.webhook|not a url|dingtalk.robots.alerts.webhook|not a URL",
			"dingtalk.robots.alerts.webhook|/robot/send?access_token=abc|dingtalk.robots.alerts.webhook|not an absolute http(s) URL",
			"dingtalk.robots.alerts.webhook|https://oapi.dingtalk.com/robot/send|dingtalk.robots.alerts.webhook|has no access_token",
			"dingtalk.robots.alerts.webhook|https://oapi.dingtalk.com/other?access_token=abc|dingtalk.robots.alerts.webhook|does not end in /robot/send" })
	void wrongRobotFailsNamingTheProperty(String property, String value, String named, String problem) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(named, problem).doesNotContain("access_token=abc");
			assertThat(analysis.getAction()).contains(named);
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
			"dingtalk.robots.alerts.secret|not-a-sec-secret|dingtalk.robots.alerts.secret|does not start with 'SEC'",
			"dingtalk.robots.alerts.webhook|https://oapi.dingtalk.com/robot/send?access_token=def|dingtalk.robots.alerts.webhook|together with",
			"dingtalk.robots.alerts.rate-limit.max-messages|0|dingtalk.robots.alerts.rate-limit.max-messages|at least 1",
			"dingtalk.robots.alerts.rate-limit.window|0s|dingtalk.robots.alerts.rate-limit.window|positive",
			"dingtalk.robots.alerts.rate-limit.max-wait|-1s|dingtalk.robots.alerts.rate-limit.max-wait|zero or positive",
			"dingtalk.robot-rate-limit.max-messages|-3|dingtalk.robot-rate-limit.max-messages|at least 1",
			"dingtalk.robots.alerts.keywords|a,b,c,d,e,f,g,h,i,j,k|dingtalk.robots.alerts.keywords|at most 10" })
	void wrongSettingOfARobotWithTokenFailsNamingTheProperty(String property, String value, String named,
			String problem) {
		this.runner.withPropertyValues("dingtalk.robots.alerts.access-token=abc", property + "=" + value)
			.run((context) -> {
				FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(named, problem).doesNotContain("not-a-sec-secret");
				assertThat(analysis.getAction()).contains(named);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSender {

		@Bean
		RobotSender ownSender() {
			return new RobotSender() {

				@Override
				public String name() {
					return "own";
				}

				@Override
				public void send(io.dingboot.robot.webhook.RobotMessage message) {
				}

			};
		}

	}

}
