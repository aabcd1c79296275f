package io.dingboot.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class MessageEndpointsTests extends FakeHttpTestSupport {

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	private static final Map<String, Object> TEXT = Map.of("msgtype", "text", "text", Map.of("content", "月会通知"));

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	@Test
	void sendToUsersAndDepartmentsRecordsMessageWithResolvedRecipients() {
		JsonNode answer = this.http.call(SEND,
				Map.of("agent_id", 100001, "userid_list", "zhouba,nobody", "dept_id_list", "2,99", "msg", TEXT));
		long taskId = answer.path("task_id").asLong();
		assertAnswer(answer, true, "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":" + taskId + "}");
		assertThat(this.fake.sentMessages()).singleElement().satisfies((message) -> {
			assertThat(message.taskId()).isEqualTo(taskId);
			assertThat(message.agentId()).isEqualTo(100001);
			assertThat(message.recipients()).containsExactly("zhouba", "zhangsan", "lisi", "wangwu");
			assertThat(message.invalidUserIds()).containsExactly("nobody");
			assertThat(message.invalidDeptIds()).containsExactly(99L);
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.text()).isEqualTo("月会通知");
			assertThat(message.recalled()).isFalse();
		});
		assertThat(this.fake.sentMessagesTo("wangwu")).hasSize(1);
		assertThat(this.fake.sentMessagesTo("sunqi")).isEmpty();
	}

	@Test
	void sendToAllUsersReachesEveryone() {
		this.http.call(SEND, Map.of("agent_id", "100001", "to_all_user", true, "msg",
				Map.of("msgtype", "markdown", "markdown", Map.of("title", "标题", "text", "# 你好"))));
		assertThat(this.fake.sentMessages().get(0).recipients()).hasSize(8);
		assertThat(this.fake.sentMessages().get(0).text()).isEqualTo("# 你好");
	}

	@Test
	void sendWithMsgAsJsonStringInFormBodyIsRecorded() {
		JsonNode answer = this.http.postForm(SEND + "?access_token=" + this.http.accessToken(),
				"agent_id=100001&userid_list=lisi&msg=%7B%22msgtype%22%3A%22text%22%2C%22text%22%3A%7B%22content%22%3A%22hi%22%7D%7D");
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(this.fake.sentMessagesTo("lisi")).singleElement()
			.satisfies((message) -> assertThat(message.text()).isEqualTo("hi"));
	}

	@Test
	void sendWithWrongAgentIdAnswers40056() {
		assertAnswer(this.http.call(SEND, Map.of("agent_id", 1, "userid_list", "lisi", "msg", TEXT)), true,
				"{\"errcode\":40056,\"errmsg\":\"不合法的agentid\"}");
		assertThat(this.fake.sentMessages()).isEmpty();
	}

	@Test
	void sendWithBadMsgOrNoReceiversAnswers400002() {
		assertThat(this.http.call(SEND, Map.of("agent_id", 100001, "userid_list", "lisi", "msg", Map.of("msgtype", "nope")))
			.path("errcode")
			.asInt()).isEqualTo(400002);
		assertThat(this.http.call(SEND, Map.of("agent_id", 100001, "userid_list", "lisi", "msg", "{not json")).path("errcode")
			.asInt()).isEqualTo(400002);
		assertThat(this.http.call(SEND, Map.of("agent_id", 100001, "msg", TEXT)).path("errcode").asInt()).isEqualTo(400002);
		assertThat(this.fake.sentMessages()).isEmpty();
	}

	@Test
	void progressResultAndRecallAnswerAboutRecordedTask() {
		long taskId = this.http.call(SEND, Map.of("agent_id", 100001, "userid_list", List.of("lisi", "ghost"), "msg", TEXT))
			.path("task_id")
			.asLong();
		Map<String, Object> task = Map.of("agent_id", 100001, "task_id", taskId);
		assertAnswer(this.http.call("/topapi/message/corpconversation/getsendprogress", task), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"progress\":{\"progress_in_percent\":100,\"status\":2}}");
		assertAnswer(this.http.call("/topapi/message/corpconversation/getsendresult", task), true, """
				{"errcode":0,"errmsg":"ok","send_result":{"invalid_user_id_list":["ghost"],"forbidden_user_id_list":[],
				"failed_user_id_list":[],"read_user_id_list":[],"unread_user_id_list":["lisi"],
				"invalid_dept_id_list":[],"forbidden_list":[]}}""");
		assertAnswer(this.http.call("/topapi/message/corpconversation/recall", Map.of("agent_id", 100001, "msg_task_id", taskId)),
				true, "{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(this.fake.sentMessages().get(0).recalled()).isTrue();
	}

	@Test
	void progressOfUnknownTaskAnswers400002() {
		assertThat(this.http.call("/topapi/message/corpconversation/getsendprogress", Map.of("agent_id", 100001, "task_id", 7))
			.path("errcode")
			.asInt()).isEqualTo(400002);
	}

}
