package io.dingboot.message;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.dingboot.DingTalkApiException;
import io.dingboot.message.Message.ActionCard;
import io.dingboot.message.Message.Link;
import io.dingboot.message.Message.Oa;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * What DingTalk refuses or silently drops in a work notification, checked before anything is sent;
 * each failure names the rule.
 */
final class WorkNotificationRules {

	private static final Pattern BGCOLOR = Pattern.compile("[0-9A-Fa-f]{8}");

	private WorkNotificationRules() {
	}

	static Set<String> receivers(WorkNotification notification) {
		Set<String> users = new LinkedHashSet<>();
		for (String userId : notification.userIds()) {
			if (!StringUtils.hasText(userId)) {
				throw invalid("userid_list holds an empty userid");
			}
			if (userId.indexOf(',') >= 0) {
				throw invalid("a userid must not contain ',' (userid_list is comma-separated)");
			}
			users.add(userId.strip());
		}
		for (Long deptId : notification.deptIds()) {
			if (deptId == null || deptId < 1) {
				throw invalid("dept_id_list holds an invalid department id " + deptId);
			}
		}
		boolean lists = !users.isEmpty() || !notification.deptIds().isEmpty();
		if (notification.toAllUser() && lists) {
			throw invalid("to_all_user cannot be combined with userid_list or dept_id_list");
		}
		if (!notification.toAllUser() && !lists) {
			throw invalid("no receivers: give userid_list, dept_id_list or to_all_user");
		}
		if (users.size() > WorkNotificationApi.MAX_USERS) {
			throw invalid("userid_list has " + users.size() + " users; DingTalk accepts at most " + WorkNotificationApi.MAX_USERS
					+ " per call");
		}
		long departments = notification.deptIds().stream().distinct().count();
		if (departments > WorkNotificationApi.MAX_DEPARTMENTS) {
			throw invalid("dept_id_list has " + departments + " departments; DingTalk accepts at most "
					+ WorkNotificationApi.MAX_DEPARTMENTS + " per call");
		}
		return users;
	}

	static void check(Message message, WorkNotification notification, int users) {
		if (message instanceof Message.Text text) {
			required("text.content", text.content());
		}
		else if (message instanceof Message.Image image) {
			required("image.media_id", image.mediaId());
		}
		else if (message instanceof Message.File file) {
			required("file.media_id", file.mediaId());
		}
		else if (message instanceof Message.Voice voice) {
			checkVoice(voice);
		}
		else if (message instanceof Link link) {
			checkLink(link);
		}
		else if (message instanceof Message.Markdown markdown) {
			required("markdown.title", markdown.title());
			required("markdown.text", markdown.text());
		}
		else if (message instanceof ActionCard card) {
			checkActionCard(card);
		}
		else if (message instanceof Oa oa) {
			checkOa(oa, notification, users);
		}
	}

	static void checkVoice(Message.Voice voice) {
		required("voice.media_id", voice.mediaId());
		int duration;
		try {
			duration = Integer.parseInt(String.valueOf(voice.duration()));
		}
		catch (NumberFormatException ex) {
			throw invalid("voice.duration must be a whole number of seconds but is '" + voice.duration() + "'");
		}
		if (duration < 1 || duration >= 60) {
			throw invalid("voice.duration must be 1 to 59 seconds but is " + duration);
		}
	}

	static void checkLink(Link link) {
		required("link.messageUrl", link.messageUrl());
		required("link.picUrl", link.picUrl());
		required("link.title", link.title());
		required("link.text", link.text());
	}

	static void checkActionCard(ActionCard card) {
		required("action_card.title", card.title());
		required("action_card.markdown", card.markdown());
		boolean single = StringUtils.hasText(card.singleTitle()) || StringUtils.hasText(card.singleUrl());
		boolean buttons = card.btnJsonList() != null && !card.btnJsonList().isEmpty();
		if (single && buttons) {
			throw invalid("action_card has both single_title/single_url and btn_json_list; give one form only");
		}
		if (!single && !buttons) {
			throw invalid("action_card has neither single_title/single_url nor btn_json_list; give one form");
		}
		if (single) {
			required("action_card.single_title", card.singleTitle());
			required("action_card.single_url", card.singleUrl());
		}
		else {
			required("action_card.btn_orientation", card.btnOrientation());
			if (!"0".equals(card.btnOrientation()) && !"1".equals(card.btnOrientation())) {
				throw invalid("action_card.btn_orientation must be \"0\" (vertical) or \"1\" (horizontal)");
			}
			for (ActionCard.Button button : card.btnJsonList()) {
				required("action_card.btn_json_list[].title", (button != null) ? button.title() : null);
				required("action_card.btn_json_list[].action_url", button.actionUrl());
			}
		}
	}

	static void checkOa(Oa oa, WorkNotification notification, int users) {
		required("oa.message_url", oa.messageUrl());
		if (oa.head() == null) {
			throw invalid("oa.head is missing");
		}
		if (oa.head().bgcolor() == null || !BGCOLOR.matcher(oa.head().bgcolor()).matches()) {
			throw invalid("oa.head.bgcolor must be 8 hex digits ARGB without 0x (such as FFBBBBBB) but is '"
					+ oa.head().bgcolor() + "'");
		}
		if (oa.body() == null) {
			throw invalid("oa.body is missing");
		}
		if (oa.statusBar() != null) {
			if (notification.toAllUser() || !notification.deptIds().isEmpty()) {
				throw invalid("oa.status_bar is only shown for a userid_list, not with dept_id_list or to_all_user");
			}
			if (users > WorkNotificationApi.MAX_STATUS_BAR_USERS) {
				throw invalid("oa.status_bar is only shown for at most " + WorkNotificationApi.MAX_STATUS_BAR_USERS + " users, not "
						+ users);
			}
		}
	}

	static void required(String field, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw invalid(field + " is required");
		}
	}

	static DingTalkApiException invalid(String message) {
		return DingTalkApiException.invalidRequest(WorkNotificationApi.SEND, message);
	}

}
