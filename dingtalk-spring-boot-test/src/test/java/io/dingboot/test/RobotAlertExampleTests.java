package io.dingboot.test;

import io.dingboot.robot.webhook.RobotSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "dingtalk.robots.alerts.access-token=alerts-token",
		"dingtalk.robots.alerts.secret=SEC0123456789abcdef", "dingtalk.robots.alerts.keywords=告警" })
@AutoConfigureFakeDingTalk
class RobotAlertExampleTests {

	private static final Logger logger = LoggerFactory.getLogger("com.example.orders");

	@Autowired
	FakeDingTalk fake; // knows the robot 'alerts' from dingtalk.robots.alerts.*

	@BeforeEach
	void forgetEarlierAlerts() {
		this.fake.webhookRobots().reset();
	}

	@Test
	void errorLogBecomesAnAlertInTheGroup() {
		logger.error("Order {} could not be paid", 42, new IllegalStateException("card declined"));
		assertThat(this.fake.webhookRobots().messages("alerts")).singleElement().satisfies((alert) -> {
			assertThat(alert.msgtype()).isEqualTo("markdown");
			assertThat(alert.title()).isEqualTo("告警 com.example.orders");
			assertThat(alert.text()).contains("Order 42 could not be paid", "card declined");
		});
	}

	@Test
	void warningsStayInTheLog() {
		logger.warn("Order {} is slow", 42);
		assertThat(this.fake.webhookRobots().messages("alerts")).isEmpty();
	}

	@Test
	@DirtiesContext // the robot's rate limit is used up after this test
	void alertsBeyondTheRateLimitAreDroppedNotThrown() {
		for (int i = 0; i < 25; i++) {
			logger.error("Order {} could not be paid", i);
		}
		assertThat(this.fake.webhookRobots().messages("alerts")).hasSize(20);
		assertThat(this.fake.webhookRobots().isBlocked("alerts")).isFalse();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Alerting {

		@Bean(initMethod = "start", destroyMethod = "stop")
		DingTalkAlertAppender dingTalkAlertAppender(RobotSender alerts) {
			return new DingTalkAlertAppender(alerts);
		}

	}

}
