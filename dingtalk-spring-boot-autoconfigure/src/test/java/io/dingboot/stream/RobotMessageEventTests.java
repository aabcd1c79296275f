package io.dingboot.stream;

import java.time.Instant;
import java.util.List;

import io.dingboot.stream.RobotMessageContent.RichTextPart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RobotMessageEvent}: every message type, read leniently.
 */
class RobotMessageEventTests {

	private static RobotMessageEvent event(String json) {
		JsonNode payload = StreamJson.MAPPER.readTree(json);
		return new RobotMessageEvent(RobotMessageEventTests.class, "default", payload);
	}

	@Test
	void documentedTextMessageIsRead() {
		RobotMessageEvent event = event("{\"conversationId\":\"cidAsXSBLnA==\",\"conversationType\":\"2\","
				+ "\"senderStaffId\":\"16650698\",\"sessionWebhook\":\"https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4\","
				+ "\"sessionWebhookExpiredTime\":1690367502152,\"createAt\":1690362101894,\"text\":{\"content\":\" 测试数据\"},"
				+ "\"robotCode\":\"dingr3xc0b\",\"msgtype\":\"text\",\"isInAtList\":true,\"msgId\":\"msgLICYe==\","
				+ "\"atUsers\":[{\"dingtalkId\":\"$:LWCP_v1:$x\",\"staffId\":\"\"}]}");
		assertThat(event.getMsgType()).isEqualTo("text");
		assertThat(event.getContent()).isEqualTo(new RobotMessageContent.Text(" 测试数据"));
		assertThat(event.getText()).isEqualTo("测试数据");
		assertThat(event.isGroup()).isTrue();
		assertThat(event.isInAtList()).isTrue();
		assertThat(event.getConversationId()).isEqualTo("cidAsXSBLnA==");
		assertThat(event.getSenderStaffId()).isEqualTo("16650698");
		assertThat(event.getRobotCode()).isEqualTo("dingr3xc0b");
		assertThat(event.getSessionWebhookExpiredTime()).isEqualTo(Instant.ofEpochMilli(1690367502152L));
		assertThat(event.getCreateAt()).isEqualTo(Instant.ofEpochMilli(1690362101894L));
		assertThat(event.getAtUsers()).containsExactly(new RobotAtUser("$:LWCP_v1:$x", null, null));
		assertThat(event.getAppName()).isEqualTo("default");
		assertThat(event.toString()).doesNotContain("sendBySession");
	}

	@Test
	void replyTargetCarriesTheWebhookItsExpiryAndTheFallbackAddresses() {
		RobotMessageEvent event = event("{\"conversationId\":\"cidAsXSBLnA==\",\"conversationType\":\"2\","
				+ "\"senderStaffId\":\"16650698\",\"sessionWebhook\":\"https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4\","
				+ "\"sessionWebhookExpiredTime\":1690367502152,\"robotCode\":\"dingr3xc0b\",\"msgtype\":\"text\","
				+ "\"text\":{\"content\":\"hi\"}}");
		io.dingboot.robot.ReplyTarget target = event.replyTarget();
		assertThat(target.sessionWebhook()).hasToString("https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4");
		assertThat(target.sessionWebhookExpiresAt()).isEqualTo(Instant.ofEpochMilli(1690367502152L));
		assertThat(target.conversationType()).isEqualTo(io.dingboot.robot.ConversationType.GROUP);
		assertThat(target.openConversationId()).isEqualTo("cidAsXSBLnA==");
		assertThat(target.senderStaffId()).isEqualTo("16650698");
		assertThat(target.robotCode()).isEqualTo("dingr3xc0b");
	}

	@Test
	void richTextKeepsTextAndPicturesInOrder() {
		RobotMessageEvent event = event("{\"msgtype\":\"richText\",\"content\":{\"richText\":[{\"text\":\"look \"},"
				+ "{\"type\":\"picture\",\"downloadCode\":\"dc\",\"pictureDownloadCode\":\"pdc\"},{\"text\":\"here\"}]}}");
		assertThat(event.getContent()).isEqualTo(new RobotMessageContent.RichText(List.of(
				new RichTextPart("text", "look ", null, null), new RichTextPart("picture", null, "dc", "pdc"),
				new RichTextPart("text", "here", null, null))));
		assertThat(event.getText()).isEqualTo("look here");
	}

	@Test
	void mediaMessagesCarryTheirDownloadCodes() {
		assertThat(event("{\"msgtype\":\"picture\",\"content\":{\"downloadCode\":\"d1\",\"pictureDownloadCode\":\"p1\"}}")
			.getContent()).isEqualTo(new RobotMessageContent.Picture("d1", "p1"));
		RobotMessageEvent audio = event(
				"{\"msgtype\":\"audio\",\"content\":{\"downloadCode\":\"d2\",\"recognition\":\"你好\",\"duration\":4000}}");
		assertThat(audio.getContent()).isEqualTo(new RobotMessageContent.Audio("d2", "你好", "4000"));
		assertThat(audio.getText()).isEqualTo("你好");
		assertThat(event("{\"msgtype\":\"video\",\"content\":{\"downloadCode\":\"d3\",\"duration\":\"5\",\"videoType\":\"mp4\"}}")
			.getContent()).isEqualTo(new RobotMessageContent.Video("d3", "5", "mp4"));
		assertThat(event("{\"msgtype\":\"file\",\"content\":{\"downloadCode\":\"d4\",\"fileName\":\"a.zip\","
				+ "\"spaceId\":\"s\",\"fileId\":\"f\"}}").getContent())
			.isEqualTo(new RobotMessageContent.File("d4", "a.zip", "s", "f"));
	}

	@Test
	void unknownTypeAndMissingFieldsAreTolerated() {
		RobotMessageEvent event = event("{\"msgtype\":\"unknownMsgType\",\"content\":{\"unknownMsgType\":\"不支持\"},"
				+ "\"conversationType\":1,\"isInAtList\":\"false\",\"sessionWebhookExpiredTime\":\"soon\"}");
		assertThat(event.getContent()).isInstanceOfSatisfying(RobotMessageContent.Other.class,
				(other) -> assertThat(other.content().get("unknownMsgType").stringValue()).isEqualTo("不支持"));
		assertThat(event.getConversationType()).isEqualTo("1");
		assertThat(event.isGroup()).isFalse();
		assertThat(event.isInAtList()).isFalse();
		assertThat(event.getSessionWebhookExpiredTime()).isNull();
		assertThat(event.getSenderStaffId()).isNull();
		assertThat(event.getMsgId()).isNull();
		assertThat(event.getAtUsers()).isEmpty();
		assertThat(event.getText()).isNull();
	}

	@Test
	void cardResponseIsTheDocumentedShape() {
		assertThat(FrameRouter.cardResponse(new CardCallbackResponse(java.util.Map.of("status", "accepted"),
				java.util.Map.of("clicked", "true"), true, true)).toString())
			.isEqualTo("{\"response\":{\"cardData\":{\"cardParamMap\":{\"status\":\"accepted\"}},\"userPrivateData\":"
					+ "{\"cardParamMap\":{\"clicked\":\"true\"}},\"cardUpdateOptions\":{\"updateCardDataByKey\":true,"
					+ "\"updatePrivateDataByKey\":true}}}");
		assertThat(FrameRouter.cardResponse(null).toString()).isEqualTo("{\"response\":{}}");
	}

}
