package io.dingboot.robot;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Where to answer a message the robot received: what {@link RobotReplier} needs of it. Build it
 * from the received message's fields ({@code sessionWebhook}, {@code sessionWebhookExpiredTime},
 * {@code conversationType}, {@code conversationId}, {@code senderStaffId}, {@code robotCode}).
 *
 * @param sessionWebhook the message's {@code sessionWebhook}, or {@code null}
 * @param sessionWebhookExpiresAt when it expires ({@code sessionWebhookExpiredTime}), or
 * {@code null} when unknown (then it is not used)
 * @param conversationType the conversation's type
 * @param openConversationId the group ({@code conversationId}); needed to fall back in a group
 * @param senderStaffId the sender's userid; needed to fall back in a single chat (DingTalk sends it
 * only once the robot is published, and never for users outside the organisation)
 * @param robotCode the robot that received the message, or {@code null} for the app's
 */
public record ReplyTarget(@Nullable URI sessionWebhook, @Nullable Instant sessionWebhookExpiresAt,
		ConversationType conversationType, @Nullable String openConversationId, @Nullable String senderStaffId,
		@Nullable String robotCode) {

	public ReplyTarget {
		Assert.notNull(conversationType, "'conversationType' must not be null");
		Assert.isTrue(sessionWebhook == null || (sessionWebhook.isAbsolute()
				&& ("https".equals(sessionWebhook.getScheme()) || "http".equals(sessionWebhook.getScheme()))),
				"'sessionWebhook' must be an absolute http(s) URL");
		openConversationId = StringUtils.hasText(openConversationId) ? openConversationId : null;
		senderStaffId = StringUtils.hasText(senderStaffId) ? senderStaffId : null;
		robotCode = StringUtils.hasText(robotCode) ? robotCode : null;
	}

	/**
	 * A target from the wire values of a received message.
	 * @param sessionWebhook {@code sessionWebhook}, or {@code null}
	 * @param sessionWebhookExpiredTime {@code sessionWebhookExpiredTime} in epoch milliseconds, or
	 * {@code null}
	 * @param conversationType {@code conversationType}: {@code "1"} or {@code "2"}
	 * @param conversationId {@code conversationId}
	 * @param senderStaffId {@code senderStaffId}, or {@code null}
	 * @param robotCode {@code robotCode}, or {@code null}
	 * @return the target
	 */
	public static ReplyTarget of(@Nullable String sessionWebhook, @Nullable Long sessionWebhookExpiredTime,
			String conversationType, @Nullable String conversationId, @Nullable String senderStaffId,
			@Nullable String robotCode) {
		return new ReplyTarget(StringUtils.hasText(sessionWebhook) ? URI.create(sessionWebhook.trim()) : null,
				(sessionWebhookExpiredTime != null) ? Instant.ofEpochMilli(sessionWebhookExpiredTime) : null,
				ConversationType.of(conversationType), conversationId, senderStaffId, robotCode);
	}

	@Override
	public String toString() {
		// the webhook's session grants posting into the conversation: not shown
		return "ReplyTarget{" + this.conversationType + ", openConversationId=" + this.openConversationId
				+ ", senderStaffId=" + this.senderStaffId + ", sessionWebhookExpiresAt=" + this.sessionWebhookExpiresAt
				+ ", robotCode=" + this.robotCode + "}";
	}

}
