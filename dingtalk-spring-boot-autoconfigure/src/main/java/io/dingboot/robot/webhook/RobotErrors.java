package io.dingboot.robot.webhook;

import java.util.Locale;
import java.util.regex.Pattern;

import io.dingboot.DingTalkError;
import org.jspecify.annotations.Nullable;

/**
 * Words the errors of {@code /robot/send} so that they name the fix, mostly the
 * {@code dingtalk.robots.<name>.*} property to change. DingTalk's codes: {@code 310000} for every
 * failed security check (keywords, sign, timestamp, IP; told apart by {@code errmsg}, old and new
 * wordings), {@code 130101} (observed) and {@code 410100} (documented) for too many messages,
 * {@code 300001}, {@code 300005} (observed) and {@code 400101} (documented) for an unknown access
 * token. Never quotes the access token or the secret.
 */
final class RobotErrors {

	static final int SECURITY_CHECK_FAILED = 310000;

	/** "ip" as a word ("ip 1.2.3.4 not in whitelist"), not inside another ("description"). */
	private static final Pattern IP = Pattern.compile("(^|[^a-z])ip([^a-z]|$)");

	private RobotErrors() {
	}

	static String describe(String robot, boolean signs, DingTalkError error) {
		String property = "dingtalk.robots." + robot + ".";
		String errmsg = (error.errmsg() != null) ? error.errmsg() : "";
		StringBuilder message = new StringBuilder("DingTalk custom robot '").append(robot)
			.append("' refused the message: errcode ")
			.append(error.errcode());
		if (!errmsg.isEmpty()) {
			message.append(" (").append(errmsg).append(')');
		}
		String hint = hint(error.errcode(), errmsg, property, signs);
		if (hint != null) {
			message.append(". ").append(hint);
		}
		return message.toString();
	}

	/**
	 * Whether the errcode says the robot sent too many messages.
	 * @param errcode the errcode
	 * @return whether the robot is throttled
	 */
	static boolean isTooFast(int errcode) {
		return errcode == 130101 || errcode == 410100;
	}

	private static @Nullable String hint(int errcode, String errmsg, String property, boolean signs) {
		String text = errmsg.toLowerCase(Locale.ROOT);
		if (errcode == SECURITY_CHECK_FAILED) {
			if (text.contains("keyword") || errmsg.contains("关键词") || errmsg.contains("关键字")) {
				return "The message contains none of the robot's keywords (security settings > 自定义关键词): put one in "
						+ "the message, and list them in " + property + "keywords so that such messages are refused "
						+ "before they are sent";
			}
			if (text.contains("sign") || errmsg.contains("签名")) {
				return signs ? "The sign does not match: set " + property + "secret to the robot's 加签 secret "
						+ "(SEC..., security settings > 加签) exactly as shown there"
						: "The robot signs its messages (security settings > 加签): set " + property
								+ "secret to its secret (SEC...)";
			}
			if (text.contains("timestamp") || errmsg.contains("时间戳")) {
				return "The timestamp is more than 1 hour off DingTalk's clock: synchronise this server's clock (NTP)";
			}
			if (IP.matcher(text).find() || text.contains("whitelist") || errmsg.contains("白名单")) {
				return "This server's egress IP is not in the robot's IP whitelist (security settings > IP地址(段)): "
						+ "add it there";
			}
			return "A security check of the robot failed (keywords, 加签 or IP whitelist): check " + property
					+ "keywords and " + property + "secret against the robot's security settings";
		}
		if (isTooFast(errcode)) {
			return "The robot sent more than 20 messages in a minute and DingTalk blocks it for 10 minutes: keep "
					+ property + "rate-limit.max-messages at 20 or less per minute, and send with this access "
					+ "token from one application only";
		}
		return switch (errcode) {
			case 300001, 300005, 400101, 400106 -> "DingTalk does not know this access token: set " + property
					+ "access-token to the value of access_token in the robot's webhook URL (the value only, not "
					+ "the URL), or " + property + "webhook to the whole URL; a robot of an external group may "
					+ "also answer this";
			case 400102 -> "The robot is disabled: enable it in the group's robot settings, or configure another "
					+ "robot in " + property + "access-token";
			case 400013 -> "The robot's group was disbanded: configure a robot of another group in " + property
					+ "access-token";
			case 400105 -> "DingTalk does not support this message type for custom robots";
			case 430101, 430102, 430103, 430104 -> "DingTalk found the message's link, text, picture or content "
					+ "unsafe; change the message (sending it again fails the same way)";
			case -1 -> "DingTalk is busy; try again later";
			default -> null;
		};
	}

}
