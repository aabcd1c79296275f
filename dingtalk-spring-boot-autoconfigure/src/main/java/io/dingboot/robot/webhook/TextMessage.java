package io.dingboot.robot.webhook;

import org.springframework.util.Assert;

/**
 * A text message ({@code msgtype} {@code text}).
 *
 * @param content the text; a mentioned mobile or user id must also appear in it as {@code @...}
 * @param at whom the message mentions
 */
public record TextMessage(String content, At at) implements RobotMessage {

	public TextMessage {
		Assert.hasText(content, "'content' must not be empty");
		Assert.notNull(at, "'at' must not be null");
	}

	/**
	 * This message with other mentions.
	 * @param at whom to mention
	 * @return a new message
	 */
	public TextMessage withAt(At at) {
		return new TextMessage(this.content, at);
	}

	@Override
	public String msgtype() {
		return "text";
	}

}
