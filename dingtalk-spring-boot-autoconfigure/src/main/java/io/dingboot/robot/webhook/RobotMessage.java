package io.dingboot.robot.webhook;

/**
 * A message a custom group robot sends: {@link TextMessage}, {@link MarkdownMessage},
 * {@link LinkMessage}, {@link ActionCardMessage} or {@link FeedCardMessage}.
 * <pre class="code">
 * robots.get("alerts").send(RobotMessage.text("@13800000000 disk full").withAt(At.mobiles("13800000000")));
 * </pre>
 */
public sealed interface RobotMessage permits TextMessage, MarkdownMessage, LinkMessage, ActionCardMessage, FeedCardMessage {

	/**
	 * The {@code msgtype} on the wire, e.g. {@code text} or {@code actionCard}.
	 * @return the message type
	 */
	String msgtype();

	/**
	 * A text message.
	 * @param content the text
	 * @return the message
	 */
	static TextMessage text(String content) {
		return new TextMessage(content, At.none());
	}

	/**
	 * A markdown message.
	 * @param title the title shown in the conversation list
	 * @param text the markdown text
	 * @return the message
	 */
	static MarkdownMessage markdown(String title, String text) {
		return new MarkdownMessage(title, text, At.none());
	}

	/**
	 * A link message without a picture.
	 * @param title the title
	 * @param text the text
	 * @param messageUrl where a click leads
	 * @return the message
	 */
	static LinkMessage link(String title, String text, String messageUrl) {
		return new LinkMessage(title, text, messageUrl, null);
	}

}
