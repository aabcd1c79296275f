package io.dingboot.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code msg} of a work notification: one of DingTalk's eight message types. Create one with
 * the static factories ({@link #text(String)}, {@link #link(String, String, String, String)},
 * {@link #oa()}, ...). The records hold what they are given; {@link WorkNotificationApi} checks
 * DingTalk's rules before sending.
 */
public sealed interface Message permits Message.Text, Message.Image, Message.Voice, Message.File, Message.Link,
		Message.Oa, Message.Markdown, Message.ActionCard {

	/**
	 * The {@code msgtype} of this message, which is also the name of its payload field.
	 * @return the message type
	 */
	String msgtype();

	/**
	 * A text message.
	 * @param content the text (DingTalk suggests at most 500 characters)
	 * @return the message
	 */
	static Text text(String content) {
		return new Text(content);
	}

	/**
	 * An image message.
	 * @param mediaId the {@code media_id} of an uploaded image
	 * @return the message
	 */
	static Image image(String mediaId) {
		return new Image(mediaId);
	}

	/**
	 * A voice message.
	 * @param mediaId the {@code media_id} of an uploaded voice file
	 * @param durationSeconds its length in seconds, 1 to 59
	 * @return the message
	 */
	static Voice voice(String mediaId, int durationSeconds) {
		return new Voice(mediaId, Integer.toString(durationSeconds));
	}

	/**
	 * A file message.
	 * @param mediaId the {@code media_id} of an uploaded file
	 * @return the message
	 */
	static File file(String mediaId) {
		return new File(mediaId);
	}

	/**
	 * A link message; all four fields are required.
	 * @param messageUrl where a click goes
	 * @param picUrl the picture: a {@code media_id} or a URL
	 * @param title the title
	 * @param text the text
	 * @return the message
	 */
	static Link link(String messageUrl, String picUrl, String title, String text) {
		return new Link(messageUrl, picUrl, title, text);
	}

	/**
	 * Start an OA message.
	 * @return a builder
	 */
	static Oa.Builder oa() {
		return new Oa.Builder();
	}

	/**
	 * A markdown message.
	 * @param title what the conversation list shows
	 * @param text the markdown (at most 5,000 characters)
	 * @return the message
	 */
	static Markdown markdown(String title, String text) {
		return new Markdown(title, text);
	}

	/**
	 * An action card with one button for the whole card.
	 * @param title the title
	 * @param markdown the card's markdown
	 * @param singleTitle the button's title (at most 20 characters)
	 * @param singleUrl where the button goes (at most 500 characters)
	 * @return the message
	 */
	static ActionCard actionCard(String title, String markdown, String singleTitle, String singleUrl) {
		return new ActionCard(title, markdown, singleTitle, singleUrl, null, null);
	}

	/**
	 * An action card with a list of buttons.
	 * @param title the title
	 * @param markdown the card's markdown
	 * @param horizontal whether the buttons are laid out horizontally ({@code btn_orientation} 1)
	 * @param buttons the buttons
	 * @return the message
	 */
	static ActionCard actionCard(String title, String markdown, boolean horizontal, List<ActionCard.Button> buttons) {
		return new ActionCard(title, markdown, null, null, horizontal ? "1" : "0", buttons);
	}

	/**
	 * {@code {"msgtype":"text","text":{"content":"..."}}}.
	 *
	 * @param content the text
	 */
	record Text(String content) implements Message {

		@Override
		public String msgtype() {
			return "text";
		}

	}

	/**
	 * {@code {"msgtype":"image","image":{"media_id":"..."}}}.
	 *
	 * @param mediaId the image's media id
	 */
	record Image(String mediaId) implements Message {

		@Override
		public String msgtype() {
			return "image";
		}

	}

	/**
	 * {@code {"msgtype":"voice","voice":{"media_id":"...","duration":"10"}}}.
	 *
	 * @param mediaId the voice file's media id
	 * @param duration its length in seconds, as a string
	 */
	record Voice(String mediaId, String duration) implements Message {

		@Override
		public String msgtype() {
			return "voice";
		}

	}

	/**
	 * {@code {"msgtype":"file","file":{"media_id":"..."}}}.
	 *
	 * @param mediaId the file's media id
	 */
	record File(String mediaId) implements Message {

		@Override
		public String msgtype() {
			return "file";
		}

	}

	/**
	 * {@code {"msgtype":"link","link":{"messageUrl":"...","picUrl":"...","title":"...","text":"..."}}};
	 * DingTalk spells the link's URLs in camelCase.
	 *
	 * @param messageUrl where a click goes
	 * @param picUrl the picture
	 * @param title the title
	 * @param text the text
	 */
	record Link(@JsonProperty("messageUrl") String messageUrl, @JsonProperty("picUrl") String picUrl, String title,
			String text) implements Message {

		@Override
		public String msgtype() {
			return "link";
		}

	}

	/**
	 * {@code {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}}.
	 *
	 * @param title what the conversation list shows
	 * @param text the markdown
	 */
	record Markdown(String title, String text) implements Message {

		@Override
		public String msgtype() {
			return "markdown";
		}

	}

	/**
	 * {@code {"msgtype":"action_card","action_card":{...}}}: either {@code single_title} and
	 * {@code single_url}, or {@code btn_orientation} and {@code btn_json_list}, never both.
	 *
	 * @param title the title
	 * @param markdown the card's markdown
	 * @param singleTitle the single button's title
	 * @param singleUrl the single button's URL
	 * @param btnOrientation {@code "0"} vertical, {@code "1"} horizontal
	 * @param btnJsonList the buttons
	 */
	record ActionCard(String title, String markdown, @Nullable String singleTitle, @Nullable String singleUrl,
			@Nullable String btnOrientation, @Nullable List<Button> btnJsonList) implements Message {

		@Override
		public String msgtype() {
			return "action_card";
		}

		/**
		 * One button of an action card.
		 *
		 * @param title the title (at most 20 characters)
		 * @param actionUrl where it goes (at most 700 characters)
		 */
		public record Button(String title, String actionUrl) {

		}

	}

	/**
	 * {@code {"msgtype":"oa","oa":{"message_url":...,"pc_message_url":...,"head":{...},
	 * "status_bar":{...},"body":{...}}}}.
	 *
	 * @param messageUrl where a click goes
	 * @param pcMessageUrl where a click goes on the desktop client
	 * @param head the coloured head
	 * @param statusBar the status bar (only for at most 5 users)
	 * @param body the body
	 */
	record Oa(@Nullable String messageUrl, @Nullable String pcMessageUrl, @Nullable Head head,
			@Nullable StatusBar statusBar, Body body) implements Message {

		@Override
		public String msgtype() {
			return "oa";
		}

		/**
		 * The head of an OA message.
		 *
		 * @param bgcolor the background colour, 8 hex digits ARGB without {@code 0x}, e.g. {@code FFBBBBBB}
		 * @param text the head text (work notifications show the app name instead)
		 */
		public record Head(String bgcolor, String text) {

		}

		/**
		 * The status bar of an OA message.
		 *
		 * @param statusValue the status text
		 * @param statusBg the status background colour, e.g. {@code 0xFFF65E5E}
		 */
		public record StatusBar(String statusValue, String statusBg) {

		}

		/**
		 * The body of an OA message.
		 *
		 * @param title the title
		 * @param form key-value lines (at most 6 are shown)
		 * @param rich a highlighted number with its unit
		 * @param content the text (3 lines are shown)
		 * @param image an image {@code media_id}
		 * @param fileCount the number of attachments, as a string
		 * @param author the author
		 */
		public record Body(@Nullable String title, @Nullable List<FormItem> form, @Nullable Rich rich,
				@Nullable String content, @Nullable String image, @Nullable String fileCount, @Nullable String author) {

		}

		/**
		 * One key-value line of an OA body.
		 *
		 * @param key the key, e.g. {@code 姓名:}
		 * @param value the value
		 */
		public record FormItem(String key, String value) {

		}

		/**
		 * A highlighted number of an OA body.
		 *
		 * @param num the number
		 * @param unit its unit
		 */
		public record Rich(String num, String unit) {

		}

		/**
		 * Builds an {@link Oa} message.
		 */
		public static final class Builder {

			private @Nullable String messageUrl;

			private @Nullable String pcMessageUrl;

			private @Nullable Head head;

			private @Nullable StatusBar statusBar;

			private @Nullable String title;

			private final List<FormItem> form = new ArrayList<>();

			private @Nullable Rich rich;

			private @Nullable String content;

			private @Nullable String image;

			private @Nullable String fileCount;

			private @Nullable String author;

			Builder() {
			}

			public Builder messageUrl(String messageUrl) {
				this.messageUrl = messageUrl;
				return this;
			}

			public Builder pcMessageUrl(String pcMessageUrl) {
				this.pcMessageUrl = pcMessageUrl;
				return this;
			}

			/**
			 * Set the head.
			 * @param bgcolor 8 hex digits ARGB without {@code 0x}, e.g. {@code FFBBBBBB}
			 * @param text the head text
			 * @return this builder
			 */
			public Builder head(String bgcolor, String text) {
				this.head = new Head(bgcolor, text);
				return this;
			}

			public Builder statusBar(String statusValue, String statusBg) {
				this.statusBar = new StatusBar(statusValue, statusBg);
				return this;
			}

			public Builder title(String title) {
				this.title = title;
				return this;
			}

			public Builder form(String key, String value) {
				this.form.add(new FormItem(key, value));
				return this;
			}

			public Builder rich(String num, String unit) {
				this.rich = new Rich(num, unit);
				return this;
			}

			public Builder content(String content) {
				this.content = content;
				return this;
			}

			public Builder image(String mediaId) {
				this.image = mediaId;
				return this;
			}

			public Builder fileCount(int fileCount) {
				this.fileCount = Integer.toString(fileCount);
				return this;
			}

			public Builder author(String author) {
				this.author = author;
				return this;
			}

			public Oa build() {
				Body body = new Body(this.title, this.form.isEmpty() ? null : List.copyOf(this.form), this.rich,
						this.content, this.image, this.fileCount, this.author);
				return new Oa(this.messageUrl, this.pcMessageUrl, this.head, this.statusBar, body);
			}

		}

	}

}
