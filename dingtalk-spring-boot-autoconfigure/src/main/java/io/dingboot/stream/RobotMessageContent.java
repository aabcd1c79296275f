package io.dingboot.stream;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a robot message carries, one record per {@code msgtype}. Files, pictures, audio and video
 * are fetched with their {@code downloadCode} through {@code POST /v1.0/robot/messageFiles/download}.
 */
public sealed interface RobotMessageContent {

	/**
	 * {@code text}: the text, usually with a leading space left by the @mention.
	 *
	 * @param content the text as sent
	 */
	record Text(String content) implements RobotMessageContent {

	}

	/**
	 * {@code richText}: text and pictures, in order.
	 *
	 * @param parts the parts
	 */
	record RichText(List<RichTextPart> parts) implements RobotMessageContent {

	}

	/**
	 * One part of a rich text message: a text (with {@code text}) or a picture (with download
	 * codes).
	 *
	 * @param type {@code text} or {@code picture}
	 * @param text the text of a text part
	 * @param downloadCode the download code of a picture part
	 * @param pictureDownloadCode the picture download code of a picture part
	 */
	record RichTextPart(String type, @Nullable String text, @Nullable String downloadCode,
			@Nullable String pictureDownloadCode) {

	}

	/**
	 * {@code picture}.
	 *
	 * @param downloadCode the download code
	 * @param pictureDownloadCode the picture download code
	 */
	record Picture(@Nullable String downloadCode, @Nullable String pictureDownloadCode) implements RobotMessageContent {

	}

	/**
	 * {@code audio} (robot single chats only).
	 *
	 * @param downloadCode the download code
	 * @param recognition DingTalk's speech-to-text of the audio
	 * @param duration the duration as DingTalk sent it (milliseconds per the documentation)
	 */
	record Audio(@Nullable String downloadCode, @Nullable String recognition, @Nullable String duration)
			implements RobotMessageContent {

	}

	/**
	 * {@code video} (robot single chats only).
	 *
	 * @param downloadCode the download code
	 * @param duration the duration as DingTalk sent it (sources disagree on seconds or milliseconds)
	 * @param videoType the container, e.g. {@code mp4}
	 */
	record Video(@Nullable String downloadCode, @Nullable String duration, @Nullable String videoType)
			implements RobotMessageContent {

	}

	/**
	 * {@code file} (robot single chats only).
	 *
	 * @param downloadCode the download code
	 * @param fileName the file's name
	 * @param spaceId the space the file is stored in
	 * @param fileId the file's id (the storage API's dentryId)
	 */
	record File(@Nullable String downloadCode, @Nullable String fileName, @Nullable String spaceId,
			@Nullable String fileId) implements RobotMessageContent {

	}

	/**
	 * Any other {@code msgtype}, such as {@code unknownMsgType}.
	 *
	 * @param msgType the message type
	 * @param content the {@code content} object as sent, or an empty object
	 */
	record Other(String msgType, JsonNode content) implements RobotMessageContent {

	}

}
