package io.dingboot.robot.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A link message ({@code msgtype} {@code link}); it cannot mention anyone.
 *
 * @param title the title
 * @param text the text
 * @param messageUrl where a click leads ({@code messageUrl})
 * @param picUrl the picture's URL ({@code picUrl}), or {@code null}
 */
public record LinkMessage(String title, String text, String messageUrl, @Nullable String picUrl) implements RobotMessage {

	public LinkMessage {
		Assert.hasText(title, "'title' must not be empty");
		Assert.hasText(text, "'text' must not be empty");
		Assert.hasText(messageUrl, "'messageUrl' must not be empty");
	}

	/**
	 * This message with a picture.
	 * @param picUrl the picture's URL
	 * @return a new message
	 */
	public LinkMessage withPicUrl(String picUrl) {
		return new LinkMessage(this.title, this.text, this.messageUrl, picUrl);
	}

	@Override
	public String msgtype() {
		return "link";
	}

}
