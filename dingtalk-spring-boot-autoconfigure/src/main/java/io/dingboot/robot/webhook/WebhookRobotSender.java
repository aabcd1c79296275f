package io.dingboot.robot.webhook;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The {@link RobotSender} of one custom group robot. The access token, {@code timestamp} and
 * {@code sign} go to the transport as secret query parameters, so that what is logged and
 * observed is {@code /robot/send} without them; each attempt is signed afresh. Busy answers
 * ({@code -1}), 502/503 and refused connections are retried within the retry bounds, each attempt
 * taking its own place in the rate limit; a send that may have reached DingTalk is not repeated.
 */
final class WebhookRobotSender implements RobotSender {

	static final String PATH = "/robot/send";

	private static final Logger logger = LoggerFactory.getLogger(WebhookRobotSender.class);

	private final RobotWebhook robot;

	private final DingTalkTransport transport;

	private final RobotRateLimiter limiter;

	private final RetrySettings retry;

	private final Clock clock;

	private final DingTalkRobots.Sleeper sleeper;

	WebhookRobotSender(RobotWebhook robot, DingTalkTransport transport, RobotRateLimiter limiter, RetrySettings retry,
			Clock clock, DingTalkRobots.Sleeper sleeper) {
		this.robot = robot;
		this.transport = transport;
		this.limiter = limiter;
		this.retry = retry;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	@Override
	public String name() {
		return this.robot.name();
	}

	RobotWebhook robot() {
		return this.robot;
	}

	@Override
	public void send(RobotMessage message) {
		Assert.notNull(message, "'message' must not be null");
		checkKeywords(message);
		DingTalkRequest.Builder builder = DingTalkRequest.post(PATH).body(RobotMessageJson.body(message));
		if (this.robot.baseUrl() != null) {
			builder.baseUrl(this.robot.baseUrl());
		}
		DingTalkRequest request = builder.build();
		for (int attempt = 1;; attempt++) {
			awaitSlot();
			try {
				this.transport.exchange(request, secretQuery());
				logger.debug("DingTalk custom robot '{}' sent a {} message", this.robot.name(), message.msgtype());
				return;
			}
			catch (DingTalkApiException ex) {
				if (attempt < this.retry.maxAttempts() && isRetryable(ex)) {
					logger.debug("DingTalk custom robot '{}' failed ({}), retry {}", this.robot.name(), describe(ex),
							attempt);
					pause(backoff(attempt));
					continue;
				}
				throw translate(ex);
			}
		}
	}

	private void checkKeywords(RobotMessage message) {
		List<String> keywords = this.robot.keywords();
		if (keywords.isEmpty()) {
			return;
		}
		for (String text : RobotMessageJson.texts(message)) {
			for (String keyword : keywords) {
				if (text.contains(keyword)) {
					return;
				}
			}
		}
		throw DingTalkApiException.invalidRequest(PATH, "the message to custom robot '" + this.robot.name()
				+ "' contains none of its keywords " + keywords + " and DingTalk would refuse it (errcode 310000); "
				+ "put one of them in the message, or change dingtalk.robots." + this.robot.name() + ".keywords to "
				+ "the robot's security settings");
	}

	private void awaitSlot() {
		Duration wait = this.limiter.reserve();
		if (wait == null) {
			RobotRateLimit limit = this.limiter.limit();
			String property = "dingtalk.robots." + this.robot.name() + ".rate-limit.";
			String message = "custom robot '" + this.robot.name() + "' has sent " + limit.maxMessages()
					+ " messages in the last " + limit.window().toSeconds() + " s, its limit (DingTalk blocks a robot "
					+ "for 10 minutes beyond 20 a minute); the next one may go in "
					+ this.limiter.untilNextSlot().toMillis() + " ms. "
					+ ((limit.policy() == RateLimitPolicy.FAIL) ? "Send less often, or set " + property
							+ "policy=wait to wait for a free slot up to " + property + "max-wait"
							: "That is longer than " + property + "max-wait (" + limit.maxWait().toMillis() + " ms)");
			throw DingTalkApiException.invalidRequest(PATH, message);
		}
		if (!wait.isZero()) {
			logger.debug("DingTalk custom robot '{}' waits {} ms for its rate limit", this.robot.name(), wait.toMillis());
			pause(wait);
		}
	}

	private void pause(Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DingTalkApiException.transport(PATH,
					"Interrupted while custom robot '" + this.robot.name() + "' waited to send", ex);
		}
	}

	private Map<String, String> secretQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("access_token", this.robot.accessToken());
		String secret = this.robot.secret();
		if (secret != null) {
			long timestamp = this.clock.millis();
			query.put("timestamp", Long.toString(timestamp));
			query.put("sign", RobotSigner.sign(secret, timestamp));
		}
		return query;
	}

	private static boolean isRetryable(DingTalkApiException ex) {
		if (ex.getErrcode() == -1 && ex.getKind() == DingTalkApiException.Kind.API_ERROR) {
			return true;
		}
		if (ex.getKind() == DingTalkApiException.Kind.HTTP_ERROR) {
			return ex.getHttpStatus() == 502 || ex.getHttpStatus() == 503 || ex.getHttpStatus() == 429;
		}
		return ex.getKind() == DingTalkApiException.Kind.IO_ERROR && ex.getCause() instanceof ConnectException;
	}

	private Duration backoff(int attempt) {
		Duration delay = this.retry.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (delay.compareTo(this.retry.maxBackoff()) > 0) ? this.retry.maxBackoff() : delay;
	}

	private DingTalkApiException translate(DingTalkApiException ex) {
		if (ex.getKind() != DingTalkApiException.Kind.API_ERROR || ex.getError().isEmpty()) {
			return ex;
		}
		String message = RobotErrors.describe(this.robot.name(), this.robot.secret() != null, ex.getError().get());
		return DingTalkApiException.ofAnswer(PATH, ex.getError().get(), ex.getHttpStatus(), message);
	}

	private static String describe(DingTalkApiException ex) {
		return (ex.getErrcode() != 0) ? "errcode " + ex.getErrcode()
				: (ex.getHttpStatus() != 0) ? "HTTP " + ex.getHttpStatus() : ex.getKind().name();
	}

	@Override
	public String toString() {
		return "RobotSender[" + this.robot.name() + "]";
	}

}
