package io.dingboot.robot;

import java.time.Duration;
import java.util.List;

import io.dingboot.robot.RobotMessage.Button;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RobotMessageTests {

	@Test
	void everyMsgKeyWritesItsDocumentedParametersAsAJsonString() {
		assertParam(RobotMessage.text("钉钉，让进步发生"), "sampleText", "{\"content\":\"钉钉，让进步发生\"}");
		assertParam(RobotMessage.markdown("周报", "**done**  \n  next"), "sampleMarkdown",
				"{\"title\":\"周报\",\"text\":\"**done**  \\n  next\"}");
		assertParam(RobotMessage.image("@lADPDe7s"), "sampleImageMsg", "{\"photoURL\":\"@lADPDe7s\"}");
		assertParam(RobotMessage.link("标题", "正文", "https://p/x.png", "https://m/x"), "sampleLink",
				"{\"text\":\"正文\",\"title\":\"标题\",\"picUrl\":\"https://p/x.png\",\"messageUrl\":\"https://m/x\"}");
		assertParam(RobotMessage.actionCard("标题", "正文", "查看", "https://a"), "sampleActionCard",
				"{\"title\":\"标题\",\"text\":\"正文\",\"singleTitle\":\"查看\",\"singleURL\":\"https://a\"}");
		assertParam(RobotMessage.actionCard("t", "x", List.of(new Button("a", "https://a"), new Button("b", "https://b"))),
				"sampleActionCard2",
				"{\"title\":\"t\",\"text\":\"x\",\"actionTitle1\":\"a\",\"actionURL1\":\"https://a\",\"actionTitle2\":\"b\",\"actionURL2\":\"https://b\"}");
		assertParam(RobotMessage.actionCard("t", "x", List.of(new Button("a", "u1"), new Button("b", "u2"),
				new Button("c", "u3"), new Button("d", "u4"), new Button("e", "u5"))), "sampleActionCard5",
				"{\"title\":\"t\",\"text\":\"x\",\"actionTitle1\":\"a\",\"actionURL1\":\"u1\",\"actionTitle2\":\"b\",\"actionURL2\":\"u2\","
						+ "\"actionTitle3\":\"c\",\"actionURL3\":\"u3\",\"actionTitle4\":\"d\",\"actionURL4\":\"u4\","
						+ "\"actionTitle5\":\"e\",\"actionURL5\":\"u5\"}");
		assertParam(RobotMessage.actionCardSideBySide("t", "x", new Button("同意", "u1"), new Button("拒绝", "u2")),
				"sampleActionCard6",
				"{\"title\":\"t\",\"text\":\"x\",\"buttonTitle1\":\"同意\",\"buttonUrl1\":\"u1\",\"buttonTitle2\":\"拒绝\",\"buttonUrl2\":\"u2\"}");
		assertParam(RobotMessage.audio("@audio", Duration.ofSeconds(4)), "sampleAudio",
				"{\"mediaId\":\"@audio\",\"duration\":\"4000\"}");
		assertParam(RobotMessage.file("@file", "报告.pdf", "pdf"), "sampleFile",
				"{\"mediaId\":\"@file\",\"fileName\":\"报告.pdf\",\"fileType\":\"pdf\"}");
		assertParam(RobotMessage.video("@video", "mp4", "@pic", Duration.ofSeconds(12), 1280, 720), "sampleVideo",
				"{\"duration\":\"12\",\"videoMediaId\":\"@video\",\"videoType\":\"mp4\",\"picMediaId\":\"@pic\",\"height\":\"720\",\"width\":\"1280\"}");
	}

	@Test
	void actionCardWithOneOrSixStackedButtonsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RobotMessage.actionCard("t", "x", List.of(new Button("a", "u"))));
		assertThatIllegalArgumentException().isThrownBy(() -> RobotMessage.actionCard("t", "x",
				List.of(new Button("a", "u"), new Button("b", "u"), new Button("c", "u"), new Button("d", "u"),
						new Button("e", "u"), new Button("f", "u"))));
	}

	@Test
	void emptyTextIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RobotMessage.text(" "));
	}

	private static void assertParam(RobotMessage message, String msgKey, String json) {
		assertThat(message.msgKey()).isEqualTo(msgKey);
		assertThat(message.msgParamJson()).isEqualTo(json);
	}

}
