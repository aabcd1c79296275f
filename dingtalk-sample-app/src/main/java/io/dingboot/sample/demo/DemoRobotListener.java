package io.dingboot.sample.demo;

import io.dingboot.robot.RobotMessage;
import io.dingboot.robot.RobotReplier;
import io.dingboot.stream.RobotMessageEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sample's robot, as an application writes one: a Spring listener of {@link RobotMessageEvent}
 * (DingBoot then subscribes the app's Stream connection to robot messages, acknowledges each
 * message at once and runs this listener on its handler executor). It answers every text through
 * the message's session webhook ({@link RobotReplier}); {@value #CARD_COMMAND} in a group also
 * streams an AI card into that group. The card's outTrackId is made from the message's
 * {@code msgId} ({@link #cardId(String)}), so a message delivered again cannot make a second card.
 */
@Component
@ConditionalOnProperty(DemoModeInitializer.DEMO_PROPERTY)
public final class DemoRobotListener {

	/** The command that streams an AI card. */
	public static final String CARD_COMMAND = "/card";

	/** The reply to {@value #CARD_COMMAND} before the card streams. */
	public static final String CARD_REPLY = "好的，AI 卡片正在输出 · Streaming an AI card";

	/** The reply to a message without text (a picture, a file...). */
	public static final String NO_TEXT_REPLY = "我只读得懂文字 · I read text only";

	private static final Log logger = LogFactory.getLog(DemoRobotListener.class);

	private final ObjectProvider<RobotReplier> replier;

	private final DemoCardStreamer cards;

	DemoRobotListener(ObjectProvider<RobotReplier> replier, DemoCardStreamer cards) {
		this.replier = replier;
		this.cards = cards;
	}

	/**
	 * The reply to a text.
	 * @param text the text the robot received
	 * @return the reply
	 */
	public static String replyTo(String text) {
		return "收到：" + text + "\n发送 " + CARD_COMMAND + " 看 AI 卡片流式输出 · Send " + CARD_COMMAND
				+ " for a streaming AI card";
	}

	/**
	 * The outTrackId of the AI card that answers a message.
	 * @param msgId the message's {@code msgId}
	 * @return the card's outTrackId
	 */
	public static String cardId(String msgId) {
		return "robot-card-" + msgId;
	}

	@EventListener
	void onMessage(RobotMessageEvent message) {
		String text = message.getText();
		RobotReplier replier = this.replier.getObject();
		if (text == null || text.isEmpty()) {
			replier.reply(message.replyTarget(), RobotMessage.text(NO_TEXT_REPLY));
			return;
		}
		boolean cardCommand = text.equals(CARD_COMMAND) || text.startsWith(CARD_COMMAND + " ");
		if (cardCommand && message.isGroup() && message.getConversationId() != null && message.getMsgId() != null) {
			replier.reply(message.replyTarget(), RobotMessage.text(CARD_REPLY));
			this.cards.start(cardId(message.getMsgId()), message.getConversationId());
			logger.debug("Streaming an AI card in answer to " + message);
			return;
		}
		replier.reply(message.replyTarget(), RobotMessage.text(replyTo(text)));
	}

}
