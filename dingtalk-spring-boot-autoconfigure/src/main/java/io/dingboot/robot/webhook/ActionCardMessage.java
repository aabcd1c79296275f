package io.dingboot.robot.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An action card ({@code msgtype} {@code actionCard}): markdown with either one button that
 * opens {@code singleURL} ({@link #single}) or several buttons ({@link #buttons}). People are
 * mentioned by writing {@code @userId} in the text.
 *
 * @param title the title shown in the conversation list
 * @param text the markdown text
 * @param singleTitle the single button's title, or {@code null} with buttons
 * @param singleUrl where the single button leads ({@code singleURL}), or {@code null} with buttons
 * @param buttons the buttons ({@code btns}), empty with a single button
 * @param orientation how the buttons are laid out ({@code btnOrientation})
 * @param hideAvatar whether to hide the robot's avatar ({@code hideAvatar} {@code "1"})
 */
public record ActionCardMessage(String title, String text, @Nullable String singleTitle, @Nullable String singleUrl,
		List<Button> buttons, Orientation orientation, boolean hideAvatar) implements RobotMessage {

	public ActionCardMessage {
		Assert.hasText(title, "'title' must not be empty");
		Assert.hasText(text, "'text' must not be empty");
		buttons = List.copyOf(buttons);
		Assert.notNull(orientation, "'orientation' must not be null");
		boolean single = singleTitle != null || singleUrl != null;
		if (single) {
			Assert.hasText(singleTitle, "'singleTitle' must not be empty");
			Assert.hasText(singleUrl, "'singleUrl' must not be empty");
			Assert.isTrue(buttons.isEmpty(), "An action card has either a single button or buttons, not both");
		}
		else {
			Assert.notEmpty(buttons, "An action card needs a single button or at least one button");
		}
	}

	/**
	 * An action card with one button.
	 * @param title the title
	 * @param text the markdown text
	 * @param singleTitle the button's title
	 * @param singleUrl where the button leads
	 * @return the message
	 */
	public static ActionCardMessage single(String title, String text, String singleTitle, String singleUrl) {
		return new ActionCardMessage(title, text, singleTitle, singleUrl, List.of(), Orientation.VERTICAL, false);
	}

	/**
	 * An action card with several buttons.
	 * @param title the title
	 * @param text the markdown text
	 * @param buttons the buttons, at least one
	 * @return the message
	 */
	public static ActionCardMessage buttons(String title, String text, List<Button> buttons) {
		return new ActionCardMessage(title, text, null, null, buttons, Orientation.VERTICAL, false);
	}

	/**
	 * This card with its buttons laid out otherwise.
	 * @param orientation the layout
	 * @return a new message
	 */
	public ActionCardMessage withOrientation(Orientation orientation) {
		return new ActionCardMessage(this.title, this.text, this.singleTitle, this.singleUrl, this.buttons, orientation,
				this.hideAvatar);
	}

	/**
	 * This card with the robot's avatar hidden or shown.
	 * @param hideAvatar whether to hide the avatar
	 * @return a new message
	 */
	public ActionCardMessage withHideAvatar(boolean hideAvatar) {
		return new ActionCardMessage(this.title, this.text, this.singleTitle, this.singleUrl, this.buttons,
				this.orientation, hideAvatar);
	}

	@Override
	public String msgtype() {
		return "actionCard";
	}

	/**
	 * One button of an action card.
	 *
	 * @param title the button's title
	 * @param actionUrl where it leads ({@code actionURL})
	 */
	public record Button(String title, String actionUrl) {

		public Button {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(actionUrl, "'actionUrl' must not be empty");
		}

	}

	/**
	 * How the buttons of an action card are laid out ({@code btnOrientation}).
	 */
	public enum Orientation {

		/** One below the other, {@code "0"}. */
		VERTICAL("0"),

		/** Side by side, {@code "1"}. */
		HORIZONTAL("1");

		private final String wireValue;

		Orientation(String wireValue) {
			this.wireValue = wireValue;
		}

		/**
		 * The value on the wire.
		 * @return {@code "0"} or {@code "1"}
		 */
		public String wireValue() {
			return this.wireValue;
		}

	}

}
