package io.dingboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.robot.webhook.RateLimitPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Custom group robots (自定义机器人), {@code dingtalk.robots.<name>.*}, and the rate limit they
 * share unless a robot sets its own, {@code dingtalk.robot-rate-limit.*}.
 */
@ConfigurationProperties("dingtalk")
public class DingTalkRobotsProperties {

	/**
	 * Custom group robots by name, each sending to its group through its webhook.
	 */
	private Map<String, Robot> robots = new LinkedHashMap<>();

	/**
	 * Rate limit of every custom group robot that does not set its own.
	 */
	private RateLimit robotRateLimit = new RateLimit();

	public Map<String, Robot> getRobots() {
		return this.robots;
	}

	public void setRobots(Map<String, Robot> robots) {
		this.robots = robots;
	}

	public RateLimit getRobotRateLimit() {
		return this.robotRateLimit;
	}

	public void setRobotRateLimit(RateLimit robotRateLimit) {
		this.robotRateLimit = robotRateLimit;
	}

	@Override
	public String toString() {
		return "DingTalkRobotsProperties{robots=" + this.robots + "}";
	}

	/**
	 * One custom group robot.
	 */
	public static class Robot {

		/**
		 * Value of the access_token query parameter of the robot's webhook URL (the value only, not
		 * the URL).
		 */
		private @Nullable String accessToken;

		/**
		 * Whole webhook URL of the robot, instead of access-token: the access token is taken from
		 * its query, and its host is used unless it is oapi.dingtalk.com (then dingtalk.base-url is).
		 */
		private @Nullable String webhook;

		/**
		 * Secret of the robot's 加签 security setting (SEC...); every message is then signed.
		 */
		private @Nullable String secret;

		/**
		 * Keywords of the robot's security settings; a message containing none of them is refused
		 * before it is sent.
		 */
		private List<String> keywords = new ArrayList<>();

		/**
		 * Rate limit of this robot; unset values come from dingtalk.robot-rate-limit.
		 */
		private RobotRateLimit rateLimit = new RobotRateLimit();

		public @Nullable String getAccessToken() {
			return this.accessToken;
		}

		public void setAccessToken(@Nullable String accessToken) {
			this.accessToken = accessToken;
		}

		public @Nullable String getWebhook() {
			return this.webhook;
		}

		public void setWebhook(@Nullable String webhook) {
			this.webhook = webhook;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public List<String> getKeywords() {
			return this.keywords;
		}

		public void setKeywords(List<String> keywords) {
			this.keywords = keywords;
		}

		public RobotRateLimit getRateLimit() {
			return this.rateLimit;
		}

		public void setRateLimit(RobotRateLimit rateLimit) {
			this.rateLimit = rateLimit;
		}

		@Override
		public String toString() {
			return "Robot{accessToken=" + DingTalkProperties.mask(this.accessToken) + ", webhook="
					+ DingTalkProperties.mask(this.webhook) + ", secret=" + DingTalkProperties.mask(this.secret)
					+ ", keywords=" + this.keywords + "}";
		}

	}

	/**
	 * Rate limit of every custom group robot that does not set its own. DingTalk allows 20
	 * messages a minute per robot and blocks a robot that sends more for 10 minutes.
	 */
	public static class RateLimit {

		/**
		 * Maximum messages a robot sends in any rolling window.
		 */
		private int maxMessages = 20;

		/**
		 * Length of the rolling window.
		 */
		private Duration window = Duration.ofMinutes(1);

		/**
		 * What a send does when the robot's allowance is used up: 'fail' at once, or 'wait' for a free
		 * slot up to max-wait.
		 */
		private RateLimitPolicy policy = RateLimitPolicy.FAIL;

		/**
		 * Longest a send waits for a free slot under the 'wait' policy; a longer wait fails at once.
		 */
		private Duration maxWait = Duration.ofSeconds(10);

		public int getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public RateLimitPolicy getPolicy() {
			return this.policy;
		}

		public void setPolicy(RateLimitPolicy policy) {
			this.policy = policy;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Rate limit of one robot; what it leaves unset comes from dingtalk.robot-rate-limit.
	 */
	public static class RobotRateLimit {

		/**
		 * Maximum messages this robot sends in any rolling window. Defaults to
		 * dingtalk.robot-rate-limit.max-messages.
		 */
		private @Nullable Integer maxMessages;

		/**
		 * Length of the rolling window. Defaults to dingtalk.robot-rate-limit.window.
		 */
		private @Nullable Duration window;

		/**
		 * What a send does when this robot's allowance is used up: 'fail' or 'wait'. Defaults to
		 * dingtalk.robot-rate-limit.policy.
		 */
		private @Nullable RateLimitPolicy policy;

		/**
		 * Longest a send waits for a free slot under the 'wait' policy. Defaults to
		 * dingtalk.robot-rate-limit.max-wait.
		 */
		private @Nullable Duration maxWait;

		public @Nullable Integer getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(@Nullable Integer maxMessages) {
			this.maxMessages = maxMessages;
		}

		public @Nullable Duration getWindow() {
			return this.window;
		}

		public void setWindow(@Nullable Duration window) {
			this.window = window;
		}

		public @Nullable RateLimitPolicy getPolicy() {
			return this.policy;
		}

		public void setPolicy(@Nullable RateLimitPolicy policy) {
			this.policy = policy;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
