package io.dingboot.robot.webhook;

import org.springframework.util.Assert;

/**
 * A markdown message ({@code msgtype} {@code markdown}).
 *
 * @param title the title shown in the conversation list
 * @param text the markdown text; a mentioned mobile or user id must also appear in it as
 * {@code @...}
 * @param at whom the message mentions
 */
public record MarkdownMessage(String title, String text, At at) implements RobotMessage {

	public MarkdownMessage {
		Assert.hasText(title, "'title' must not be empty");
		Assert.hasText(text, "'text' must not be empty");
		Assert.notNull(at, "'at' must not be null");
	}

	/**
	 * This message with other mentions.
	 * @param at whom to mention
	 * @return a new message
	 */
	public MarkdownMessage withAt(At at) {
		return new MarkdownMessage(this.title, this.text, at);
	}

	@Override
	public String msgtype() {
		return "markdown";
	}

}
