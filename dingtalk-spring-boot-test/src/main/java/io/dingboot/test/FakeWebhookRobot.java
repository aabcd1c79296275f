package io.dingboot.test;

import java.util.List;
import java.util.Objects;

/**
 * A custom group robot (自定义机器人) the fake knows: the {@code access_token} of its webhook, its
 * secret (加签) when it signs, and its keywords when it has some. {@link #toString()} shows neither
 * the token nor the secret.
 *
 * @param name the name messages are recorded under, e.g. {@code alerts}
 * @param accessToken the {@code access_token} of the webhook
 * @param secret the secret ({@code SEC...}), or {@code null} when the robot does not sign
 * @param keywords the keywords, one of which every message must contain; empty for none
 */
public record FakeWebhookRobot(String name, String accessToken, String secret, List<String> keywords) {

	public FakeWebhookRobot {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(accessToken, "accessToken");
		keywords = List.copyOf(keywords);
	}

	/**
	 * A robot.
	 * @param name the name
	 * @param accessToken the access token
	 * @param secret the secret, or {@code null}
	 * @param keywords the keywords
	 * @return the robot
	 */
	public static FakeWebhookRobot of(String name, String accessToken, String secret, String... keywords) {
		return new FakeWebhookRobot(name, accessToken, secret, List.of(keywords));
	}

	@Override
	public String toString() {
		return "FakeWebhookRobot[name=" + this.name + ", keywords=" + this.keywords + "]";
	}

}
