package io.dingboot.robot.webhook;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One custom group robot: its name, the {@code access_token} of its webhook, its secret (加签)
 * when its security settings use one, the keywords one of which every message must contain when
 * its security settings use them, the base URL it is sent to, and its rate limit.
 * {@link #toString()} shows neither the access token nor the secret.
 *
 * @param name the robot's name, e.g. {@code alerts}
 * @param accessToken the {@code access_token} query parameter of the webhook URL (the value only)
 * @param secret the secret ({@code SEC...}), or {@code null} when the robot does not sign
 * @param keywords the robot's keywords, empty when it has none
 * @param baseUrl where {@code /robot/send} is, or {@code null} for {@code dingtalk.base-url}
 * @param rateLimit the robot's rate limit
 */
public record RobotWebhook(String name, String accessToken, @Nullable String secret, List<String> keywords,
		@Nullable URI baseUrl, RobotRateLimit rateLimit) {

	public RobotWebhook {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(accessToken, "'accessToken' must not be empty");
		Assert.isTrue(secret == null || !secret.isBlank(), "'secret' must not be blank");
		keywords = List.copyOf(keywords);
		Assert.notNull(rateLimit, "'rateLimit' must not be null");
	}

	/**
	 * A robot with DingTalk's rate limit, sent to {@code dingtalk.base-url}.
	 * @param name the name
	 * @param accessToken the access token
	 * @param secret the secret, or {@code null}
	 * @param keywords the keywords
	 * @return the robot
	 */
	public static RobotWebhook of(String name, String accessToken, @Nullable String secret, String... keywords) {
		return new RobotWebhook(name, accessToken, secret, List.of(keywords), null, RobotRateLimit.DINGTALK);
	}

	@Override
	public String toString() {
		return "RobotWebhook[name=" + this.name + ", accessToken=******, secret=" + ((this.secret != null) ? "******" : "none")
				+ ", keywords=" + this.keywords + ", baseUrl=" + this.baseUrl + ", rateLimit=" + this.rateLimit + "]";
	}

}
