package io.dingboot.robot.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RobotMessage} as the body DingTalk's {@code /robot/send} takes, with DingTalk's
 * field names ({@code singleURL}, {@code actionURL}, {@code messageURL}, {@code picURL},
 * {@code isAtAll}), and lists the texts a keyword may appear in.
 */
final class RobotMessageJson {

	private RobotMessageJson() {
	}

	static Map<String, Object> body(RobotMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("msgtype", message.msgtype());
		if (message instanceof TextMessage text) {
			body.put("text", Map.of("content", text.content()));
			putAt(body, text.at());
		}
		else if (message instanceof MarkdownMessage markdown) {
			body.put("markdown", fields("title", markdown.title(), "text", markdown.text()));
			putAt(body, markdown.at());
		}
		else if (message instanceof LinkMessage link) {
			Map<String, Object> fields = fields("title", link.title(), "text", link.text(), "messageUrl",
					link.messageUrl());
			if (link.picUrl() != null) {
				fields.put("picUrl", link.picUrl());
			}
			body.put("link", fields);
		}
		else if (message instanceof ActionCardMessage card) {
			Map<String, Object> fields = fields("title", card.title(), "text", card.text());
			if (card.singleTitle() != null) {
				fields.put("singleTitle", card.singleTitle());
				fields.put("singleURL", card.singleUrl());
			}
			else {
				List<Map<String, Object>> buttons = new ArrayList<>();
				for (ActionCardMessage.Button button : card.buttons()) {
					buttons.add(fields("title", button.title(), "actionURL", button.actionUrl()));
				}
				fields.put("btns", buttons);
			}
			fields.put("btnOrientation", card.orientation().wireValue());
			if (card.hideAvatar()) {
				fields.put("hideAvatar", "1");
			}
			body.put("actionCard", fields);
		}
		else if (message instanceof FeedCardMessage feed) {
			List<Map<String, Object>> links = new ArrayList<>();
			for (FeedCardMessage.Link link : feed.links()) {
				links.add(fields("title", link.title(), "messageURL", link.messageUrl(), "picURL", link.picUrl()));
			}
			body.put("feedCard", Map.of("links", links));
		}
		return body;
	}

	/**
	 * The texts a reader sees, where a robot's keyword must appear: content, titles, texts and
	 * button titles.
	 */
	static List<String> texts(RobotMessage message) {
		List<String> texts = new ArrayList<>();
		if (message instanceof TextMessage text) {
			texts.add(text.content());
		}
		else if (message instanceof MarkdownMessage markdown) {
			texts.add(markdown.title());
			texts.add(markdown.text());
		}
		else if (message instanceof LinkMessage link) {
			texts.add(link.title());
			texts.add(link.text());
		}
		else if (message instanceof ActionCardMessage card) {
			texts.add(card.title());
			texts.add(card.text());
			if (card.singleTitle() != null) {
				texts.add(card.singleTitle());
			}
			card.buttons().forEach((button) -> texts.add(button.title()));
		}
		else if (message instanceof FeedCardMessage feed) {
			feed.links().forEach((link) -> texts.add(link.title()));
		}
		return texts;
	}

	private static void putAt(Map<String, Object> body, At at) {
		if (at.isEmpty()) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("atMobiles", at.atMobiles());
		fields.put("atUserIds", at.atUserIds());
		fields.put("isAtAll", at.atAll());
		body.put("at", fields);
	}

	private static Map<String, Object> fields(String... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
