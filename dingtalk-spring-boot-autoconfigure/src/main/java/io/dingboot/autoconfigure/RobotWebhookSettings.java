package io.dingboot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dingboot.robot.webhook.RateLimitPolicy;
import io.dingboot.robot.webhook.RobotRateLimit;
import io.dingboot.robot.webhook.RobotWebhook;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns {@code dingtalk.robots.<name>.*} into {@link RobotWebhook}s, and words what is wrong with
 * them as an {@link InvalidDingTalkPropertyException} that names the property (never quoting an
 * access token, a secret or a webhook URL, which holds the token).
 */
final class RobotWebhookSettings {

	/** Host of DingTalk's own webhook URLs: such robots go to {@code dingtalk.base-url}. */
	static final String DINGTALK_HOST = "oapi.dingtalk.com";

	private static final String SEND_PATH = "/robot/send";

	/** Most keywords DingTalk lets a robot have. */
	static final int MAX_KEYWORDS = 10;

	private RobotWebhookSettings() {
	}

	static List<RobotWebhook> robots(DingTalkRobotsProperties properties) {
		RobotRateLimit defaults = defaults(properties.getRobotRateLimit());
		List<RobotWebhook> robots = new ArrayList<>();
		for (Map.Entry<String, DingTalkRobotsProperties.Robot> entry : properties.getRobots().entrySet()) {
			robots.add(robot(entry.getKey(), entry.getValue(), defaults));
		}
		return robots;
	}

	private static RobotRateLimit defaults(DingTalkRobotsProperties.RateLimit limit) {
		String prefix = "dingtalk.robot-rate-limit.";
		return rateLimit(prefix, limit.getMaxMessages(), limit.getWindow(), limit.getPolicy(), limit.getMaxWait());
	}

	private static RobotWebhook robot(String name, DingTalkRobotsProperties.Robot robot, RobotRateLimit defaults) {
		String prefix = "dingtalk.robots." + name + ".";
		if (!StringUtils.hasText(name) || !name.matches("[A-Za-z0-9_-]+")) {
			throw InvalidDingTalkPropertyException.malformed(prefix + "access-token",
					"has a robot name that is not a plain name", "name robots with letters, digits, '-' or '_'");
		}
		String token = robot.getAccessToken();
		String webhook = robot.getWebhook();
		URI baseUrl = null;
		if (StringUtils.hasText(webhook)) {
			if (StringUtils.hasText(token)) {
				throw InvalidDingTalkPropertyException.malformed(prefix + "webhook",
						"is set together with " + prefix + "access-token",
						"set either the whole webhook URL or the access token, not both");
			}
			URI uri = parseWebhook(prefix + "webhook", webhook.trim());
			token = accessToken(prefix + "webhook", uri);
			if (!DINGTALK_HOST.equalsIgnoreCase(uri.getHost())) {
				String path = uri.getRawPath();
				String base = uri.getScheme() + "://" + uri.getRawAuthority()
						+ path.substring(0, path.length() - SEND_PATH.length());
				baseUrl = URI.create(base);
			}
		}
		else if (!StringUtils.hasText(token)) {
			throw InvalidDingTalkPropertyException.missing(prefix + "access-token",
					"set it to the value of access_token in the robot's webhook URL, or set " + prefix
							+ "webhook to the whole URL");
		}
		else if (token.contains("://") || token.contains("access_token=") || token.contains("?")) {
			throw InvalidDingTalkPropertyException.malformed(prefix + "access-token",
					"holds a URL, not the access token",
					"set it to the value of access_token only, or set " + prefix + "webhook to the whole URL");
		}
		token = token.trim();
		String secret = robot.getSecret();
		if (secret != null) {
			secret = secret.trim();
			if (!secret.startsWith("SEC")) {
				throw InvalidDingTalkPropertyException.malformed(prefix + "secret", "does not start with 'SEC'",
						"set it to the secret shown under the robot's security settings > 加签 (SEC...), or remove it "
								+ "when the robot does not sign");
			}
		}
		List<String> keywords = robot.getKeywords();
		if (keywords.size() > MAX_KEYWORDS) {
			throw InvalidDingTalkPropertyException.outOfRange(prefix + "keywords", keywords.size() + " keywords",
					"at most " + MAX_KEYWORDS, "list the robot's keywords as its security settings show them");
		}
		for (String keyword : keywords) {
			if (!StringUtils.hasText(keyword)) {
				throw InvalidDingTalkPropertyException.malformed(prefix + "keywords", "holds a blank keyword",
						"list the robot's keywords as its security settings show them");
			}
		}
		DingTalkRobotsProperties.RobotRateLimit limit = robot.getRateLimit();
		RobotRateLimit rateLimit = rateLimit(prefix + "rate-limit.",
				(limit.getMaxMessages() != null) ? limit.getMaxMessages() : defaults.maxMessages(),
				(limit.getWindow() != null) ? limit.getWindow() : defaults.window(),
				(limit.getPolicy() != null) ? limit.getPolicy() : defaults.policy(),
				(limit.getMaxWait() != null) ? limit.getMaxWait() : defaults.maxWait());
		return new RobotWebhook(name, token, secret, keywords, baseUrl, rateLimit);
	}

	private static RobotRateLimit rateLimit(String prefix, int maxMessages, @Nullable Duration window,
			@Nullable RateLimitPolicy policy, @Nullable Duration maxWait) {
		if (maxMessages < 1) {
			throw InvalidDingTalkPropertyException.outOfRange(prefix + "max-messages", maxMessages, "at least 1",
					"DingTalk allows 20 messages a minute per robot: set 20 or less");
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw InvalidDingTalkPropertyException.outOfRange(prefix + "window", window, "positive",
					"set the window, e.g. 1m");
		}
		if (policy == null) {
			throw InvalidDingTalkPropertyException.missing(prefix + "policy", "set 'fail' or 'wait'");
		}
		if (maxWait == null || maxWait.isNegative()) {
			throw InvalidDingTalkPropertyException.outOfRange(prefix + "max-wait", maxWait, "zero or positive",
					"set how long a send may wait for a free slot, e.g. 10s");
		}
		return new RobotRateLimit(maxMessages, window, policy, maxWait);
	}

	private static URI parseWebhook(String property, String webhook) {
		String action = "set the whole webhook URL as DingTalk shows it, "
				+ "https://oapi.dingtalk.com/robot/send?access_token=...";
		URI uri;
		try {
			uri = new URI(webhook);
		}
		catch (URISyntaxException ex) {
			throw InvalidDingTalkPropertyException.malformed(property, "is not a URL", action);
		}
		if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null) {
			throw InvalidDingTalkPropertyException.malformed(property, "is not an absolute http(s) URL", action);
		}
		if (uri.getRawPath() == null || !uri.getRawPath().endsWith(SEND_PATH)) {
			throw InvalidDingTalkPropertyException.malformed(property, "does not end in " + SEND_PATH, action);
		}
		return uri;
	}

	private static String accessToken(String property, URI uri) {
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("access_token=") && pair.length() > "access_token=".length()) {
					return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
				}
			}
		}
		throw InvalidDingTalkPropertyException.malformed(property, "has no access_token in its query",
				"set the whole webhook URL as DingTalk shows it, https://oapi.dingtalk.com/robot/send?access_token=...");
	}

}
