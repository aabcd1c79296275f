package io.dingboot.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Work notifications: {@code asyncsend_v2} records the message; {@code getsendprogress},
 * {@code getsendresult} and {@code recall} answer about recorded tasks.
 */
final class MessageEndpoints extends EndpointGroup {

	private static final String BASE = "/topapi/message/corpconversation/";

	static final String SEND = BASE + "asyncsend_v2";

	static final String PROGRESS = BASE + "getsendprogress";

	static final String RESULT = BASE + "getsendresult";

	static final String RECALL = BASE + "recall";

	private static final Set<String> MSG_TYPES = Set.of("text", "image", "voice", "file", "link", "oa", "markdown",
			"action_card");

	MessageEndpoints(FakeState state) {
		super("dingtalk-messages", state);
	}

	@Override
	List<String> paths() {
		return List.of(SEND, PROGRESS, RESULT, RECALL);
	}

	@Override
	Answer handle(FakeCall call) {
		return switch (call.path()) {
			case SEND -> send(call);
			case PROGRESS -> {
				task(call, "task_id");
				yield Answer.ok(call, Map.of("progress", Answer.fields("progress_in_percent", 100, "status", 2)));
			}
			case RESULT -> {
				SentMessage message = task(call, "task_id");
				Map<String, Object> result = Answer.fields("invalid_user_id_list", message.invalidUserIds(),
						"forbidden_user_id_list", List.of(), "failed_user_id_list", List.of(), "read_user_id_list",
						List.of(), "unread_user_id_list", message.recipients(), "invalid_dept_id_list",
						message.invalidDeptIds(), "forbidden_list", List.of());
				yield Answer.ok(call, Map.of("send_result", result));
			}
			default -> {
				SentMessage message = task(call, "msg_task_id");
				this.state.recall(message.taskId());
				yield Answer.ok(call, Map.of());
			}
		};
	}

	private Answer send(FakeCall call) {
		long agentId = requiredNumber(call, "agent_id");
		FakeApps.Hosted app = this.state.appOf(call);
		if (agentId != app.app().agentId()) {
			throw new CallRejected(40056);
		}
		JsonNode msg = msg(call);
		List<String> userIds = split(call.node("userid_list"));
		List<String> deptIds = split(call.node("dept_id_list"));
		boolean toAll = call.flag("to_all_user");
		if (!toAll && userIds.isEmpty() && deptIds.isEmpty()) {
			throw CallRejected.badParameter("userid_list, dept_id_list or to_all_user");
		}
		FakeOrganization organization = app.organization();
		Set<String> recipients = new LinkedHashSet<>();
		List<String> invalidUsers = new ArrayList<>();
		List<Long> invalidDepts = new ArrayList<>();
		for (String userId : userIds) {
			(organization.user(userId).isPresent() ? recipients : invalidUsers).add(userId);
		}
		for (String deptId : deptIds) {
			long id = Long.parseLong(deptId);
			if (organization.department(id).isEmpty()) {
				invalidDepts.add(id);
				continue;
			}
			List<Long> subtree = organization.subtree(id);
			organization.users().stream()
				.filter((user) -> user.deptIds().stream().anyMatch(subtree::contains))
				.forEach((user) -> recipients.add(user.userid()));
		}
		if (toAll) {
			organization.users().forEach((user) -> recipients.add(user.userid()));
		}
		long taskId = this.state.nextTaskId();
		this.state.addMessage(new SentMessage(taskId, agentId, List.copyOf(recipients), invalidUsers, invalidDepts,
				toAll, msg.get("msgtype").asString(), msg, this.state.clock.instant(), false));
		return Answer.ok(call, Map.of("task_id", taskId));
	}

	private static JsonNode msg(FakeCall call) {
		JsonNode msg = call.node("msg");
		if (msg != null && msg.isString()) {
			try {
				msg = FakeCall.json.readTree(msg.asString());
			}
			catch (JacksonException ex) {
				throw CallRejected.badParameter("msg");
			}
		}
		if (msg == null || !msg.isObject() || !MSG_TYPES.contains(msg.path("msgtype").asString(""))
				|| !msg.path(msg.path("msgtype").asString()).isObject()) {
			throw CallRejected.badParameter("msg");
		}
		return msg;
	}

	private SentMessage task(FakeCall call, String name) {
		requiredNumber(call, "agent_id");
		SentMessage message = this.state.message(requiredNumber(call, name));
		if (message == null) {
			throw CallRejected.badParameter(name);
		}
		return message;
	}

	private static List<String> split(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (node.isArray()) {
			node.forEach((item) -> values.add(item.asString().trim()));
		}
		else {
			for (String value : node.asString().split(",")) {
				values.add(value.trim());
			}
		}
		values.removeIf(String::isEmpty);
		return values;
	}

}
