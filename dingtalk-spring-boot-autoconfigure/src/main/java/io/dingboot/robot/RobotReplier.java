package io.dingboot.robot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkError;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers a message the robot received. While the message's {@code sessionWebhook} is valid (its
 * {@code sessionWebhookExpiredTime} less a safety margin) the reply is posted there: no access
 * token, no send quota. After that, or when DingTalk answers that the session is gone
 * (errcode 300001), it goes once through the send APIs instead: to the group
 * ({@code /v1.0/robot/groupMessages/send}, the message's {@code conversationId}) or to the sender
 * ({@code /v1.0/robot/oToMessages/batchSend}, the {@code senderStaffId}). Images, voice, files and
 * videos cannot go through a webhook and always take the send APIs.
 */
public final class RobotReplier {

	/** DingTalk's answer to a post to a session webhook that expired: "session 不存在". */
	public static final int SESSION_NOT_FOUND = 300001;

	/** A safety margin when none is configured. */
	public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(RobotReplier.class);

	private final DingTalkTransport transport;

	private final AppRobotApi robot;

	private final Duration safetyMargin;

	private final Clock clock;

	/**
	 * Create a replier.
	 * @param transport the transport to post to webhooks with (no access token goes there)
	 * @param robot the app robot's send API, for replies the webhook cannot carry
	 * @param safetyMargin how long before its expiry a webhook is no longer used
	 * @param clock the clock to compare expiries with
	 */
	public RobotReplier(DingTalkTransport transport, AppRobotApi robot, Duration safetyMargin, Clock clock) {
		Assert.isTrue(safetyMargin != null && !safetyMargin.isNegative(), "'safetyMargin' must not be negative");
		this.transport = transport;
		this.robot = robot;
		this.safetyMargin = safetyMargin;
		this.clock = clock;
	}

	/**
	 * Reply to a received message.
	 * @param target the received message's reply details
	 * @param message the reply
	 * @return how the reply went out
	 * @throws DingTalkApiException when neither channel took it, or the fallback lacks what it
	 * needs (a group without {@code conversationId}, a sender without {@code senderStaffId})
	 */
	public RobotReply reply(ReplyTarget target, RobotMessage message) {
		Map<String, Object> webhookBody = webhookBody(message);
		URI webhook = target.sessionWebhook();
		if (webhookBody != null && webhook != null && isValid(target.sessionWebhookExpiresAt())) {
			try {
				postToWebhook(webhook, webhookBody);
				return new RobotReply(RobotReply.Channel.SESSION_WEBHOOK, null, List.of(), List.of());
			}
			catch (DingTalkApiException ex) {
				if (ex.getErrcode() != SESSION_NOT_FOUND) {
					throw describe(ex);
				}
				logger.debug("Session webhook of {} is gone (errcode {}); replying through the send API", target,
						SESSION_NOT_FOUND);
			}
		}
		return sendInstead(target, message);
	}

	/**
	 * Whether a webhook expiring at {@code expiresAt} may still be used now.
	 * @param expiresAt the expiry, or {@code null} when unknown
	 * @return whether it is more than the safety margin away
	 */
	public boolean isValid(@Nullable Instant expiresAt) {
		return expiresAt != null && this.clock.instant().plus(this.safetyMargin).isBefore(expiresAt);
	}

	private RobotReply sendInstead(ReplyTarget target, RobotMessage message) {
		if (target.conversationType() == ConversationType.GROUP) {
			String group = target.openConversationId();
			if (group == null) {
				throw DingTalkApiException.invalidRequest(AppRobotApi.GROUP_SEND,
						"cannot reply in the group: the session webhook is not usable and the message has no conversationId");
			}
			String key = this.robot.sendToGroup(target.robotCode(), group, null, message);
			return new RobotReply(RobotReply.Channel.GROUP_SEND, key, List.of(), List.of());
		}
		String sender = target.senderStaffId();
		if (sender == null) {
			throw DingTalkApiException.invalidRequest(AppRobotApi.BATCH_SEND,
					"cannot reply in the single chat: the session webhook is not usable and the message has no "
							+ "senderStaffId (DingTalk sends it only once the robot is published, and never for users "
							+ "outside the organisation)");
		}
		BatchSendResult result = this.robot.sendToUsers(target.robotCode(), List.of(sender), message);
		return new RobotReply(RobotReply.Channel.BATCH_SEND, result.processQueryKey(), result.invalidStaffIds(),
				result.flowControlledStaffIds());
	}

	private void postToWebhook(URI webhook, Map<String, Object> body) {
		URI base = UriComponentsBuilder.newInstance()
			.scheme(webhook.getScheme())
			.host(webhook.getHost())
			.port(webhook.getPort())
			.build()
			.toUri();
		String path = (webhook.getRawPath() == null || webhook.getRawPath().isEmpty()) ? "/" : webhook.getRawPath();
		// the query (session=...) grants posting into the conversation: it travels as a secret, never logged
		Map<String, String> secretQuery = new LinkedHashMap<>();
		String rawQuery = webhook.getRawQuery();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				if (!name.isEmpty()) {
					secretQuery.putIfAbsent(name, (equals < 0) ? "" : decode(pair.substring(equals + 1)));
				}
			}
		}
		DingTalkRequest request = DingTalkRequest.post(path).baseUrl(base).body(body).authenticated(false).build();
		this.transport.exchange(request, secretQuery);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static DingTalkApiException describe(DingTalkApiException ex) {
		DingTalkError error = ex.getError().orElse(null);
		if (error == null || ex.getKind() != DingTalkApiException.Kind.API_ERROR) {
			return ex;
		}
		String fix = switch (error.errcode()) {
			case 130101, 410100 -> "the robot sends too fast; wait before replying again";
			case 400013 -> "the group was disbanded";
			case 400105 -> "the session webhook does not take this message type";
			case 430101, 430102, 430103, 430104 -> "DingTalk refused the content (unsafe link, text or picture)";
			case 300005, 400101 -> "the session webhook is not known to DingTalk";
			default -> null;
		};
		if (fix == null) {
			return ex;
		}
		return DingTalkApiException.ofAnswer(ex.getApiPath(), error, ex.getHttpStatus(),
				"DingTalk session webhook answered errcode " + error.errcode() + " (" + error.errmsg() + "): " + fix);
	}

	/**
	 * The webhook body of a message (the custom robot's format), or {@code null} when a webhook
	 * cannot carry it.
	 */
	static @Nullable Map<String, Object> webhookBody(RobotMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (message instanceof RobotMessage.Text text) {
			body.put("msgtype", "text");
			body.put("text", Map.of("content", text.content()));
		}
		else if (message instanceof RobotMessage.Markdown markdown) {
			body.put("msgtype", "markdown");
			body.put("markdown", ordered("title", markdown.title(), "text", markdown.text()));
		}
		else if (message instanceof RobotMessage.Link link) {
			body.put("msgtype", "link");
			body.put("link", ordered("title", link.title(), "text", link.text(), "messageUrl", link.messageUrl(), "picUrl",
					link.picUrl()));
		}
		else if (message instanceof RobotMessage.ActionCard card) {
			body.put("msgtype", "actionCard");
			body.put("actionCard", ordered("title", card.title(), "text", card.text(), "singleTitle", card.singleTitle(),
					"singleURL", card.singleUrl()));
		}
		else if (message instanceof RobotMessage.ActionCardButtons card) {
			body.put("msgtype", "actionCard");
			body.put("actionCard", buttons(card.title(), card.text(), "0", card.buttons()));
		}
		else if (message instanceof RobotMessage.ActionCardPair card) {
			body.put("msgtype", "actionCard");
			body.put("actionCard", buttons(card.title(), card.text(), "1", List.of(card.left(), card.right())));
		}
		else {
			return null;
		}
		return body;
	}

	private static Map<String, Object> buttons(String title, String text, String orientation,
			List<RobotMessage.Button> buttons) {
		Map<String, Object> card = ordered("title", title, "text", text, "btnOrientation", orientation);
		card.put("btns", buttons.stream().map((button) -> ordered("title", button.title(), "actionURL", button.url())).toList());
		return card;
	}

	private static Map<String, Object> ordered(String... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	@Override
	public String toString() {
		return "RobotReplier{safetyMargin=" + this.safetyMargin + "}";
	}

}
