package io.dingboot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the app robot, bound from {@code dingtalk.robot.*}. The robot's
 * RobotCode itself is {@code dingtalk.robot-code}.
 */
@ConfigurationProperties("dingtalk.robot")
public class DingTalkRobotProperties {

	private final Reply reply = new Reply();

	public Reply getReply() {
		return this.reply;
	}

	/**
	 * Replies to received messages.
	 */
	public static class Reply {

		/**
		 * How long before a received message's sessionWebhook expires it is no longer used; replies
		 * then go through the group or one-to-one send API.
		 */
		private Duration sessionWebhookMargin = Duration.ofMinutes(1);

		public Duration getSessionWebhookMargin() {
			return this.sessionWebhookMargin;
		}

		public void setSessionWebhookMargin(Duration sessionWebhookMargin) {
			if (sessionWebhookMargin == null || sessionWebhookMargin.isNegative()) {
				throw InvalidDingTalkPropertyException.outOfRange("dingtalk.robot.reply.session-webhook-margin",
						sessionWebhookMargin, "zero or more", "set a duration such as 1m");
			}
			this.sessionWebhookMargin = sessionWebhookMargin;
		}

	}

}
