package io.dingboot.sample;

import java.util.List;
import java.util.Objects;

import io.dingboot.DingTalkApiException;
import io.dingboot.message.Message;
import io.dingboot.message.NotificationTask;
import io.dingboot.message.WorkNotification;
import io.dingboot.message.WorkNotificationApi;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications}: sends a work notification (text, markdown, link or
 * action_card) to chosen users and answers the task id. DingBoot checks DingTalk's rules before
 * sending; a broken rule becomes a 400 (see {@link ApiExceptionHandler}).
 */
@RestController
class NotificationController {

	private final WorkNotificationApi notifications;

	NotificationController(WorkNotificationApi notifications) {
		this.notifications = notifications;
	}

	@PostMapping("/api/notifications")
	NotificationTask send(@RequestBody NotificationRequest request) {
		List<String> userids = (request.userids() != null) ? request.userids() : List.of();
		if (userids.isEmpty() || userids.stream().anyMatch(Objects::isNull)) {
			throw DingTalkApiException.invalidRequest("/api/notifications", "userids: choose at least one user");
		}
		return this.notifications.send(WorkNotification.toUsers(userids).message(message(request)).build());
	}

	private static Message message(NotificationRequest request) {
		String type = (request.type() != null) ? request.type() : "text";
		return switch (type) {
			case "text" -> Message.text(request.content());
			case "markdown" -> Message.markdown(request.title(), request.text());
			case "link" -> Message.link(request.messageUrl(), request.picUrl(), request.title(), request.text());
			case "action_card" -> Message.actionCard(request.title(), request.markdown(), request.singleTitle(),
					request.singleUrl());
			default -> throw DingTalkApiException.invalidRequest("/api/notifications",
					"type: '" + type + "' is not one of text, markdown, link, action_card");
		};
	}

	/**
	 * What the page sends.
	 *
	 * @param userids the receivers
	 * @param type {@code text}, {@code markdown}, {@code link} or {@code action_card}
	 * @param content the text of a text message
	 * @param title the title (markdown, link, action_card)
	 * @param text the text (markdown, link)
	 * @param markdown the card's markdown (action_card)
	 * @param messageUrl where a link goes
	 * @param picUrl the link's picture (a media id or URL)
	 * @param singleTitle the card's button title
	 * @param singleUrl where the card's button goes
	 */
	record NotificationRequest(List<String> userids, String type, String content, String title, String text,
			String markdown, String messageUrl, String picUrl, String singleTitle, String singleUrl) {

	}

}
