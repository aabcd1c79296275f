package io.dingboot.test;

import io.dingboot.DingTalkApiException;
import io.dingboot.robot.webhook.DingTalkRobots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * With {@link AutoConfigureFakeDingTalk} the fake learns the application's
 * {@code dingtalk.robots.*}: an access token or a whole webhook URL, the secret and the keywords.
 */
@SpringBootTest(properties = { "dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=ops-token",
		"dingtalk.robots.release.access-token=release-token", "dingtalk.robots.release.secret=SECrelease",
		"dingtalk.robots.release.keywords=发布,release" })
@AutoConfigureFakeDingTalk
class AutoConfigureFakeDingTalkRobotsTests {

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkRobots robots;

	@BeforeEach
	void reset() {
		this.fake.webhookRobots().reset();
	}

	@Test
	void robotsOfTheApplicationAreKnownByName() {
		assertThat(this.fake.webhookRobots().robots()).extracting(FakeWebhookRobot::name).containsExactly("ops", "release");
		assertThat(this.fake.webhookRobots().robots().get(1).keywords()).containsExactly("发布", "release");
	}

	@Test
	void webhookRobotSendsToTheFake() {
		this.robots.get("ops").sendText("deploy done");
		assertThat(this.fake.webhookRobots().messages("ops")).extracting(RobotWebhookMessage::text).containsExactly("deploy done");
	}

	@Test
	void signedRobotWithKeywordsSendsToTheFake() {
		this.robots.get("release").sendText("release 1.2.0 is out");
		assertThat(this.fake.webhookRobots().messages("release")).hasSize(1);
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> this.robots.get("release").sendText("hi"))
			.getKind()).isEqualTo(DingTalkApiException.Kind.INVALID_REQUEST);
		assertThat(this.fake.callCount("/robot/send")).isEqualTo(1);
	}

}
