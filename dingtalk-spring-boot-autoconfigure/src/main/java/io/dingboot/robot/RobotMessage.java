package io.dingboot.robot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dingboot.http.DingTalkJson;
import org.springframework.util.Assert;

/**
 * A message the app robot sends: one of DingTalk's message templates ({@code msgKey}) and its
 * parameters ({@code msgParam}). DingTalk takes {@code msgParam} as a JSON <em>string</em>, not an
 * object: {@link #msgParamJson()} is that string. Create messages with the factory methods, e.g.
 * {@code RobotMessage.text("hello")} or {@code RobotMessage.markdown("title", "**text**")}.
 */
public sealed interface RobotMessage permits RobotMessage.Text, RobotMessage.Markdown, RobotMessage.Image,
		RobotMessage.Link, RobotMessage.ActionCard, RobotMessage.ActionCardButtons, RobotMessage.ActionCardPair,
		RobotMessage.Audio, RobotMessage.File, RobotMessage.Video {

	/**
	 * DingTalk's template name, e.g. {@code sampleText}.
	 * @return the msgKey
	 */
	String msgKey();

	/**
	 * The template's parameters, in wire order, every value a string.
	 * @return the parameters
	 */
	Map<String, String> msgParam();

	/**
	 * The parameters as the JSON string DingTalk takes in {@code msgParam}.
	 * @return the JSON text of {@link #msgParam()}
	 */
	default String msgParamJson() {
		return DingTalkJson.mapper().writeValueAsString(msgParam());
	}

	/**
	 * A text message ({@code sampleText}).
	 * @param content the text
	 * @return the message
	 */
	static Text text(String content) {
		return new Text(content);
	}

	/**
	 * A Markdown message ({@code sampleMarkdown}).
	 * @param title the title shown in the conversation list
	 * @param text the Markdown (DingTalk's subset)
	 * @return the message
	 */
	static Markdown markdown(String title, String text) {
		return new Markdown(title, text);
	}

	/**
	 * An image ({@code sampleImageMsg}).
	 * @param photoUrl the image URL or a mediaId from {@code /media/upload}
	 * @return the message
	 */
	static Image image(String photoUrl) {
		return new Image(photoUrl);
	}

	/**
	 * A link ({@code sampleLink}).
	 * @param title the title
	 * @param text the text
	 * @param picUrl the picture URL
	 * @param messageUrl where a click leads
	 * @return the message
	 */
	static Link link(String title, String text, String picUrl, String messageUrl) {
		return new Link(title, text, picUrl, messageUrl);
	}

	/**
	 * An action card with one button ({@code sampleActionCard}).
	 * @param title the title
	 * @param text the Markdown text
	 * @param singleTitle the button's title
	 * @param singleUrl where the button leads
	 * @return the message
	 */
	static ActionCard actionCard(String title, String text, String singleTitle, String singleUrl) {
		return new ActionCard(title, text, singleTitle, singleUrl);
	}

	/**
	 * An action card with two to five buttons one above the other ({@code sampleActionCard2} to
	 * {@code sampleActionCard5}, by the number of buttons).
	 * @param title the title
	 * @param text the Markdown text
	 * @param buttons the buttons, two to five
	 * @return the message
	 */
	static ActionCardButtons actionCard(String title, String text, List<Button> buttons) {
		return new ActionCardButtons(title, text, buttons);
	}

	/**
	 * An action card with two buttons side by side ({@code sampleActionCard6}).
	 * @param title the title
	 * @param text the Markdown text
	 * @param left the left button
	 * @param right the right button
	 * @return the message
	 */
	static ActionCardPair actionCardSideBySide(String title, String text, Button left, Button right) {
		return new ActionCardPair(title, text, left, right);
	}

	/**
	 * A voice message ({@code sampleAudio}).
	 * @param mediaId the mediaId of an ogg or amr file
	 * @param duration its length (sent in milliseconds)
	 * @return the message
	 */
	static Audio audio(String mediaId, Duration duration) {
		return new Audio(mediaId, duration);
	}

	/**
	 * A file ({@code sampleFile}).
	 * @param mediaId the mediaId
	 * @param fileName the file name shown
	 * @param fileType the type: xlsx, pdf, zip, rar, doc or docx
	 * @return the message
	 */
	static File file(String mediaId, String fileName, String fileType) {
		return new File(mediaId, fileName, fileType);
	}

	/**
	 * A video ({@code sampleVideo}).
	 * @param videoMediaId the video's mediaId
	 * @param videoType the type, {@code mp4}
	 * @param picMediaId the cover picture's mediaId
	 * @param duration its length (sent in seconds)
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @return the message
	 */
	static Video video(String videoMediaId, String videoType, String picMediaId, Duration duration, int width,
			int height) {
		return new Video(videoMediaId, videoType, picMediaId, duration, width, height);
	}

	private static Map<String, String> params(String... namesAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	/**
	 * A button of an action card.
	 *
	 * @param title the button's title
	 * @param url where it leads
	 */
	record Button(String title, String url) {

		public Button {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(url, "'url' must not be empty");
		}

	}

	/**
	 * {@code sampleText}.
	 *
	 * @param content the text
	 */
	record Text(String content) implements RobotMessage {

		public Text {
			Assert.hasText(content, "'content' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleText";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("content", this.content);
		}

	}

	/**
	 * {@code sampleMarkdown}.
	 *
	 * @param title the title
	 * @param text the Markdown
	 */
	record Markdown(String title, String text) implements RobotMessage {

		public Markdown {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(text, "'text' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleMarkdown";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("title", this.title, "text", this.text);
		}

	}

	/**
	 * {@code sampleImageMsg}.
	 *
	 * @param photoUrl the image URL or mediaId
	 */
	record Image(String photoUrl) implements RobotMessage {

		public Image {
			Assert.hasText(photoUrl, "'photoUrl' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleImageMsg";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("photoURL", this.photoUrl);
		}

	}

	/**
	 * {@code sampleLink}.
	 *
	 * @param title the title
	 * @param text the text
	 * @param picUrl the picture URL
	 * @param messageUrl where a click leads
	 */
	record Link(String title, String text, String picUrl, String messageUrl) implements RobotMessage {

		public Link {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(text, "'text' must not be empty");
			Assert.hasText(picUrl, "'picUrl' must not be empty");
			Assert.hasText(messageUrl, "'messageUrl' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleLink";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("text", this.text, "title", this.title, "picUrl", this.picUrl, "messageUrl", this.messageUrl);
		}

	}

	/**
	 * {@code sampleActionCard}: one button.
	 *
	 * @param title the title
	 * @param text the Markdown text
	 * @param singleTitle the button's title
	 * @param singleUrl where it leads
	 */
	record ActionCard(String title, String text, String singleTitle, String singleUrl) implements RobotMessage {

		public ActionCard {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(text, "'text' must not be empty");
			Assert.hasText(singleTitle, "'singleTitle' must not be empty");
			Assert.hasText(singleUrl, "'singleUrl' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleActionCard";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("title", this.title, "text", this.text, "singleTitle", this.singleTitle, "singleURL",
					this.singleUrl);
		}

	}

	/**
	 * {@code sampleActionCard2} to {@code sampleActionCard5}: two to five buttons, one above the
	 * other.
	 *
	 * @param title the title
	 * @param text the Markdown text
	 * @param buttons the buttons
	 */
	record ActionCardButtons(String title, String text, List<Button> buttons) implements RobotMessage {

		public ActionCardButtons {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(text, "'text' must not be empty");
			Assert.isTrue(buttons != null && buttons.size() >= 2 && buttons.size() <= 5,
					"an action card has 2 to 5 buttons one above the other (one button: sampleActionCard)");
			buttons = List.copyOf(buttons);
		}

		@Override
		public String msgKey() {
			return "sampleActionCard" + this.buttons.size();
		}

		@Override
		public Map<String, String> msgParam() {
			Map<String, String> params = params("title", this.title, "text", this.text);
			for (int i = 0; i < this.buttons.size(); i++) {
				params.put("actionTitle" + (i + 1), this.buttons.get(i).title());
				params.put("actionURL" + (i + 1), this.buttons.get(i).url());
			}
			return params;
		}

	}

	/**
	 * {@code sampleActionCard6}: two buttons side by side.
	 *
	 * @param title the title
	 * @param text the Markdown text
	 * @param left the left button
	 * @param right the right button
	 */
	record ActionCardPair(String title, String text, Button left, Button right) implements RobotMessage {

		public ActionCardPair {
			Assert.hasText(title, "'title' must not be empty");
			Assert.hasText(text, "'text' must not be empty");
			Assert.notNull(left, "'left' must not be null");
			Assert.notNull(right, "'right' must not be null");
		}

		@Override
		public String msgKey() {
			return "sampleActionCard6";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("title", this.title, "text", this.text, "buttonTitle1", this.left.title(), "buttonUrl1",
					this.left.url(), "buttonTitle2", this.right.title(), "buttonUrl2", this.right.url());
		}

	}

	/**
	 * {@code sampleAudio}.
	 *
	 * @param mediaId the mediaId of an ogg or amr file
	 * @param duration the length
	 */
	record Audio(String mediaId, Duration duration) implements RobotMessage {

		public Audio {
			Assert.hasText(mediaId, "'mediaId' must not be empty");
			Assert.isTrue(duration != null && !duration.isNegative(), "'duration' must not be negative");
		}

		@Override
		public String msgKey() {
			return "sampleAudio";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("mediaId", this.mediaId, "duration", String.valueOf(this.duration.toMillis()));
		}

	}

	/**
	 * {@code sampleFile}.
	 *
	 * @param mediaId the mediaId
	 * @param fileName the file name
	 * @param fileType the type: xlsx, pdf, zip, rar, doc or docx
	 */
	record File(String mediaId, String fileName, String fileType) implements RobotMessage {

		public File {
			Assert.hasText(mediaId, "'mediaId' must not be empty");
			Assert.hasText(fileName, "'fileName' must not be empty");
			Assert.hasText(fileType, "'fileType' must not be empty");
		}

		@Override
		public String msgKey() {
			return "sampleFile";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("mediaId", this.mediaId, "fileName", this.fileName, "fileType", this.fileType);
		}

	}

	/**
	 * {@code sampleVideo}.
	 *
	 * @param videoMediaId the video's mediaId
	 * @param videoType the type, {@code mp4}
	 * @param picMediaId the cover picture's mediaId
	 * @param duration the length
	 * @param width the width in pixels
	 * @param height the height in pixels
	 */
	record Video(String videoMediaId, String videoType, String picMediaId, Duration duration, int width,
			int height) implements RobotMessage {

		public Video {
			Assert.hasText(videoMediaId, "'videoMediaId' must not be empty");
			Assert.hasText(videoType, "'videoType' must not be empty");
			Assert.hasText(picMediaId, "'picMediaId' must not be empty");
			Assert.isTrue(duration != null && !duration.isNegative(), "'duration' must not be negative");
			Assert.isTrue(width > 0 && height > 0, "'width' and 'height' must be positive");
		}

		@Override
		public String msgKey() {
			return "sampleVideo";
		}

		@Override
		public Map<String, String> msgParam() {
			return params("duration", String.valueOf(this.duration.toSeconds()), "videoMediaId", this.videoMediaId,
					"videoType", this.videoType, "picMediaId", this.picMediaId, "height", String.valueOf(this.height),
					"width", String.valueOf(this.width));
		}

	}

}
