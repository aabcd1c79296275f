package io.dingboot.robot.webhook;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How many messages a robot sends at most in any rolling window, and what a send does beyond
 * that. DingTalk allows 20 messages a minute per robot and blocks a robot that sends more for 10
 * minutes: {@link #DINGTALK} keeps within that.
 *
 * @param maxMessages messages at most in any window
 * @param window the length of the rolling window
 * @param policy what a send beyond the allowance does
 * @param maxWait how long a send waits at most under {@link RateLimitPolicy#WAIT}
 */
public record RobotRateLimit(int maxMessages, Duration window, RateLimitPolicy policy, Duration maxWait) {

	/** DingTalk's limit, 20 messages per rolling minute, failing at once beyond it. */
	public static final RobotRateLimit DINGTALK = new RobotRateLimit(20, Duration.ofMinutes(1), RateLimitPolicy.FAIL,
			Duration.ofSeconds(10));

	public RobotRateLimit {
		Assert.isTrue(maxMessages >= 1, "'maxMessages' must be at least 1");
		Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "'window' must be positive");
		Assert.notNull(policy, "'policy' must not be null");
		Assert.isTrue(maxWait != null && !maxWait.isNegative(), "'maxWait' must not be negative");
	}

}
