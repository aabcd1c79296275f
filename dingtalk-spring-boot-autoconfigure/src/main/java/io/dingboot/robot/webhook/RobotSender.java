package io.dingboot.robot.webhook;

/**
 * Sends messages through one custom group robot. Every send is checked against the robot's
 * keywords (a message without any is refused before it is sent), kept within the robot's rate
 * limit, signed with a fresh timestamp when the robot has a secret, and posted to
 * {@code /robot/send}. A failure is a {@link io.dingboot.DingTalkApiException} whose message names
 * the property to fix.
 */
public interface RobotSender {

	/**
	 * The robot's name, e.g. {@code alerts}.
	 * @return the name
	 */
	String name();

	/**
	 * Send a message.
	 * @param message the message
	 * @throws io.dingboot.DingTalkApiException when the message was refused, here or by DingTalk,
	 * or could not be sent
	 */
	void send(RobotMessage message);

	/**
	 * Send a text message.
	 * @param content the text
	 */
	default void sendText(String content) {
		send(RobotMessage.text(content));
	}

	/**
	 * Send a markdown message.
	 * @param title the title shown in the conversation list
	 * @param text the markdown text
	 */
	default void sendMarkdown(String title, String text) {
		send(RobotMessage.markdown(title, text));
	}

}
