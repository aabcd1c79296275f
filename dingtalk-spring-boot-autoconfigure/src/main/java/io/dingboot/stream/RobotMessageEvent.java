package io.dingboot.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.dingboot.robot.ReplyTarget;
import io.dingboot.stream.RobotMessageContent.RichTextPart;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * A message sent to an app's robot (in a group only when it @-mentions the robot, in a single chat
 * always), published as a Spring application event:
 * <pre class="code">
 * &#64;EventListener
 * void onMessage(RobotMessageEvent message) { ... }
 * </pre>
 * DingBoot acknowledges the message to DingTalk before listeners run, and runs them on the Stream
 * handler executor, so a slow listener (a model call) never makes DingTalk deliver the message
 * again; a message DingTalk delivers twice is published once ({@code msgId}).
 * <p>
 * Reply through the message's {@link #getSessionWebhook() sessionWebhook} while it is valid
 * ({@link #getSessionWebhookExpiredTime()}), later through the v1.0 robot APIs with
 * {@link #getConversationId()} (group) or {@link #getSenderStaffId()} (single chat) and
 * {@link #getRobotCode()}.
 */
public class RobotMessageEvent extends ApplicationEvent {

	/** Stream topic of robot messages. */
	public static final String TOPIC = "/v1.0/im/bot/messages/get";

	private final String appName;

	private final JsonNode payload;

	private final @Nullable String msgId;

	private final String msgType;

	private final RobotMessageContent content;

	private final List<RobotAtUser> atUsers;

	/**
	 * Create an event from the message's JSON (the {@code data} of the Stream frame, the same body
	 * as in HTTP mode).
	 * @param source the object that published the event
	 * @param appName the name of the app whose robot received the message
	 * @param payload the message JSON object
	 */
	public RobotMessageEvent(Object source, String appName, JsonNode payload) {
		super(source);
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.isTrue(payload != null && payload.isObject(), "'payload' must be a JSON object");
		this.appName = appName;
		this.payload = payload;
		this.msgId = StreamJson.text(payload, "msgId");
		String type = StreamJson.text(payload, "msgtype");
		this.msgType = (type != null) ? type : "unknown";
		this.content = content(this.msgType, payload);
		this.atUsers = atUsers(payload.get("atUsers"));
	}

	private static RobotMessageContent content(String msgType, JsonNode payload) {
		JsonNode content = payload.get("content");
		switch (msgType) {
			case "text": {
				String text = StreamJson.text(payload.get("text"), "content");
				return new RobotMessageContent.Text((text != null) ? text : "");
			}
			case "richText": {
				List<RichTextPart> parts = new ArrayList<>();
				JsonNode items = (content != null) ? content.get("richText") : null;
				if (items != null && items.isArray()) {
					for (JsonNode item : items) {
						String itemType = StreamJson.text(item, "type");
						String text = StreamJson.text(item, "text");
						parts.add(new RichTextPart((itemType != null) ? itemType : ((text != null) ? "text" : "picture"),
								text, StreamJson.text(item, "downloadCode"),
								StreamJson.text(item, "pictureDownloadCode")));
					}
				}
				return new RobotMessageContent.RichText(Collections.unmodifiableList(parts));
			}
			case "picture":
				return new RobotMessageContent.Picture(StreamJson.text(content, "downloadCode"),
						StreamJson.text(content, "pictureDownloadCode"));
			case "audio":
				return new RobotMessageContent.Audio(StreamJson.text(content, "downloadCode"),
						StreamJson.text(content, "recognition"), StreamJson.text(content, "duration"));
			case "video":
				return new RobotMessageContent.Video(StreamJson.text(content, "downloadCode"),
						StreamJson.text(content, "duration"), StreamJson.text(content, "videoType"));
			case "file":
				return new RobotMessageContent.File(StreamJson.text(content, "downloadCode"),
						StreamJson.text(content, "fileName"), StreamJson.text(content, "spaceId"),
						StreamJson.text(content, "fileId"));
			default:
				return new RobotMessageContent.Other(msgType,
						(content != null && content.isObject()) ? content : StreamJson.MAPPER.createObjectNode());
		}
	}

	private static List<RobotAtUser> atUsers(@Nullable JsonNode node) {
		if (node == null || !node.isArray()) {
			return List.of();
		}
		List<RobotAtUser> users = new ArrayList<>();
		for (JsonNode user : node) {
			users.add(new RobotAtUser(StreamJson.text(user, "dingtalkId"), StreamJson.text(user, "staffId"),
					StreamJson.text(user, "unionId")));
		}
		return Collections.unmodifiableList(users);
	}

	/**
	 * The name of the app whose robot received the message.
	 * @return the app name, {@code default} for the top-level app
	 */
	public String getAppName() {
		return this.appName;
	}

	/**
	 * DingTalk's id of the message ({@code msgId}); the same on a redelivery.
	 * @return the message id
	 */
	public @Nullable String getMsgId() {
		return this.msgId;
	}

	/**
	 * The message type ({@code msgtype}): {@code text}, {@code richText}, {@code picture},
	 * {@code audio}, {@code video}, {@code file} or another.
	 * @return the message type
	 */
	public String getMsgType() {
		return this.msgType;
	}

	/**
	 * What the message carries.
	 * @return the content, a record per message type
	 */
	public RobotMessageContent getContent() {
		return this.content;
	}

	/**
	 * The message's text without surrounding spaces: the text of a {@code text} message, the text
	 * parts of a {@code richText} message joined, the recognised speech of {@code audio}.
	 * @return the text, or {@code null} when the message has none
	 */
	public @Nullable String getText() {
		if (this.content instanceof RobotMessageContent.Text text) {
			return text.content().trim();
		}
		if (this.content instanceof RobotMessageContent.RichText rich) {
			StringBuilder builder = new StringBuilder();
			rich.parts().stream().map(RichTextPart::text).filter((part) -> part != null).forEach(builder::append);
			return builder.toString().trim();
		}
		if (this.content instanceof RobotMessageContent.Audio audio) {
			return (audio.recognition() != null) ? audio.recognition().trim() : null;
		}
		return null;
	}

	/**
	 * The conversation ({@code conversationId}); in a group, the {@code openConversationId} of the
	 * v1.0 group message API.
	 * @return the conversation id
	 */
	public @Nullable String getConversationId() {
		return StreamJson.text(this.payload, "conversationId");
	}

	/**
	 * The conversation type: {@code "1"} single chat, {@code "2"} group.
	 * @return the conversation type
	 */
	public @Nullable String getConversationType() {
		return StreamJson.text(this.payload, "conversationType");
	}

	/**
	 * Whether the message was sent in a group.
	 * @return whether the conversation type is {@code "2"}
	 */
	public boolean isGroup() {
		return "2".equals(getConversationType());
	}

	/**
	 * The group's title.
	 * @return the title, or {@code null} in a single chat
	 */
	public @Nullable String getConversationTitle() {
		return StreamJson.text(this.payload, "conversationTitle");
	}

	/**
	 * The sender's encrypted id ({@code senderId}).
	 * @return the sender id
	 */
	public @Nullable String getSenderId() {
		return StreamJson.text(this.payload, "senderId");
	}

	/**
	 * The sender's nickname.
	 * @return the nickname
	 */
	public @Nullable String getSenderNick() {
		return StreamJson.text(this.payload, "senderNick");
	}

	/**
	 * The sender's userid ({@code senderStaffId}); only once the robot is published, and never for
	 * users outside the organisation.
	 * @return the userid, or {@code null}
	 */
	public @Nullable String getSenderStaffId() {
		return StreamJson.text(this.payload, "senderStaffId");
	}

	/**
	 * The sender's CorpId.
	 * @return the corp id, or {@code null}
	 */
	public @Nullable String getSenderCorpId() {
		return StreamJson.text(this.payload, "senderCorpId");
	}

	/**
	 * Whether the sender is an administrator (only once the robot is published).
	 * @return whether the sender is an administrator
	 */
	public boolean isAdmin() {
		return StreamJson.bool(this.payload, "isAdmin");
	}

	/**
	 * The robot's RobotCode (for an internal app's robot, its AppKey).
	 * @return the robot code
	 */
	public @Nullable String getRobotCode() {
		return StreamJson.text(this.payload, "robotCode");
	}

	/**
	 * The CorpId of the robot's organisation.
	 * @return the corp id
	 */
	public @Nullable String getChatbotCorpId() {
		return StreamJson.text(this.payload, "chatbotCorpId");
	}

	/**
	 * The robot's encrypted user id.
	 * @return the robot's user id
	 */
	public @Nullable String getChatbotUserId() {
		return StreamJson.text(this.payload, "chatbotUserId");
	}

	/**
	 * Whether the message @-mentions the robot.
	 * @return {@code isInAtList}
	 */
	public boolean isInAtList() {
		return StreamJson.bool(this.payload, "isInAtList");
	}

	/**
	 * The users the message @-mentions.
	 * @return the users, never {@code null}
	 */
	public List<RobotAtUser> getAtUsers() {
		return this.atUsers;
	}

	/**
	 * The temporary URL that replies to this conversation (text, markdown, actionCard, feedCard,
	 * link) until {@link #getSessionWebhookExpiredTime()}.
	 * @return the session webhook
	 */
	public @Nullable String getSessionWebhook() {
		return StreamJson.text(this.payload, "sessionWebhook");
	}

	/**
	 * When the session webhook stops working.
	 * @return the expiry, or {@code null} when not sent
	 */
	public @Nullable Instant getSessionWebhookExpiredTime() {
		return StreamJson.millis(this.payload, "sessionWebhookExpiredTime");
	}

	/**
	 * Where a reply to this message goes, for {@link io.dingboot.robot.RobotReplier#reply}: the
	 * session webhook while it is valid, then the group (group chat) or the sender (single chat)
	 * through the app robot's send APIs.
	 * @return the reply target
	 * @throws IllegalArgumentException when the message names no conversation type DingTalk
	 * documents ({@code 1} single chat, {@code 2} group)
	 */
	public ReplyTarget replyTarget() {
		Instant expires = getSessionWebhookExpiredTime();
		return ReplyTarget.of(getSessionWebhook(), (expires != null) ? expires.toEpochMilli() : null,
				String.valueOf(getConversationType()), getConversationId(), getSenderStaffId(), getRobotCode());
	}

	/**
	 * When the message was sent ({@code createAt}).
	 * @return the time, or {@code null} when not sent
	 */
	public @Nullable Instant getCreateAt() {
		return StreamJson.millis(this.payload, "createAt");
	}

	/**
	 * The message JSON as DingTalk sent it.
	 * @return the payload
	 */
	public JsonNode getPayload() {
		return this.payload;
	}

	@Override
	public String toString() {
		return "RobotMessageEvent{appName=" + this.appName + ", msgId=" + this.msgId + ", msgType=" + this.msgType
				+ ", conversationType=" + getConversationType() + "}";
	}

}
