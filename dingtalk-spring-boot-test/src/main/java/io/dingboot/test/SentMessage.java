package io.dingboot.test;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A work notification (工作通知) the fake received on {@code asyncsend_v2}.
 *
 * @param taskId the {@code task_id} answered
 * @param agentId the {@code agent_id} sent
 * @param recipients the userids the message reached: {@code userid_list}, the members of
 * {@code dept_id_list} and their sub-departments, or everyone for {@code to_all_user}
 * @param invalidUserIds userids in {@code userid_list} the organisation does not know
 * @param invalidDeptIds dept ids in {@code dept_id_list} the organisation does not know
 * @param toAllUser whether {@code to_all_user} was set
 * @param msgType the {@code msgtype}
 * @param msg the {@code msg} object, parsed
 * @param sentAt when the fake received it
 * @param recalled whether it was recalled since
 */
public record SentMessage(long taskId, long agentId, List<String> recipients, List<String> invalidUserIds,
		List<Long> invalidDeptIds, boolean toAllUser, String msgType, JsonNode msg, Instant sentAt,
		boolean recalled) {

	public SentMessage {
		recipients = List.copyOf(recipients);
		invalidUserIds = List.copyOf(invalidUserIds);
		invalidDeptIds = List.copyOf(invalidDeptIds);
	}

	/**
	 * The main text of the message: {@code text.content}, {@code markdown.text},
	 * {@code action_card.markdown}, {@code oa.body.content} or {@code link.text}; empty for media
	 * messages.
	 * @return the text
	 */
	public String text() {
		JsonNode body = this.msg.path(this.msgType);
		return switch (this.msgType) {
			case "text" -> body.path("content").asString("");
			case "markdown", "link" -> body.path("text").asString("");
			case "action_card" -> body.path("markdown").asString("");
			case "oa" -> body.path("body").path("content").asString("");
			default -> "";
		};
	}

	SentMessage recall() {
		return new SentMessage(this.taskId, this.agentId, this.recipients, this.invalidUserIds, this.invalidDeptIds,
				this.toAllUser, this.msgType, this.msg, this.sentAt, true);
	}

}
