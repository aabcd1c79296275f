package io.dingboot.robot.webhook;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A feed card ({@code msgtype} {@code feedCard}): a list of links with pictures; it cannot
 * mention anyone.
 *
 * @param links the links, at least one
 */
public record FeedCardMessage(List<Link> links) implements RobotMessage {

	public FeedCardMessage {
		links = List.copyOf(links);
		Assert.notEmpty(links, "A feed card needs at least one link");
	}

	/**
	 * A feed card of these links.
	 * @param links the links
	 * @return the message
	 */
	public static FeedCardMessage of(Link... links) {
		return new FeedCardMessage(List.of(links));
	}

	@Override
	public String msgtype() {
		return "feedCard";
	}

	/**
	 * One link of a feed card.
	 *
	 * @param title the title
	 * @param messageUrl where a click leads ({@code messageURL})
	 * @param picUrl the picture's URL ({@code picURL})
	 */
	public record Link(String title, String messageUrl, String picUrl) {

		public Link {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(messageUrl, "'messageUrl' must not be empty");
			Assert.hasText(picUrl, "'picUrl' must not be empty");
		}

	}

}
