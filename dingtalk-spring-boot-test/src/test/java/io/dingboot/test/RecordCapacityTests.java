package io.dingboot.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake keeps the most recent records of each kind up to its capacity, drops the oldest and
 * says how many it dropped.
 */
class RecordCapacityTests extends FakeHttpTestSupport {

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	private static final int CAPACITY = 5;

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(
			FakeDingTalk.builder().recordCapacity(CAPACITY));

	private long send(String text) {
		return this.http
			.call(SEND, Map.of("agent_id", 100001, "userid_list", "zhangsan", "msg",
					Map.of("msgtype", "text", "text", Map.of("content", text))))
			.path("task_id")
			.asLong();
	}

	@Test
	void defaultCapacityIsOneThousand() {
		assertThat(FakeDingTalk.DEFAULT_RECORD_CAPACITY).isEqualTo(1000);
		assertThat(FakeDingTalk.builder().build().recordCapacity()).isEqualTo(1000);
		assertThat(this.fake.recordCapacity()).isEqualTo(CAPACITY);
	}

	@Test
	void sendingMoreThanTheCapacityDropsTheOldestAndCountsThem() {
		for (int i = 1; i <= 8; i++) {
			send("消息 " + i);
		}
		assertThat(this.fake.sentMessages()).extracting(SentMessage::text)
			.containsExactly("消息 4", "消息 5", "消息 6", "消息 7", "消息 8");
		assertThat(this.fake.sentMessageCount()).isEqualTo(new RecordCount(8, 5, 3));
		assertThat(this.fake.sentMessagesTo("zhangsan")).hasSize(5);
		assertThat(this.fake.callCount(SEND)).isEqualTo(8);
	}

	@Test
	void keptRecordsStayAtTheCapacityHoweverManyAreSent() {
		for (int i = 1; i <= 60; i++) {
			send("消息 " + i);
			assertThat(this.fake.sentMessageCount().kept()).isEqualTo(Math.min(i, CAPACITY));
		}
		assertThat(this.fake.sentMessageCount()).isEqualTo(new RecordCount(60, 5, 55));
		assertThat(this.fake.sentMessages()).hasSize(CAPACITY);
	}

	@Test
	void latestSentMessagesGivesTheNewestFirst() {
		for (int i = 1; i <= 7; i++) {
			send("消息 " + i);
		}
		assertThat(this.fake.latestSentMessages(3)).extracting(SentMessage::text)
			.containsExactly("消息 7", "消息 6", "消息 5");
		assertThat(this.fake.latestSentMessages(50)).hasSize(CAPACITY);
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.latestSentMessages(-1));
	}

	@Test
	void droppedTaskIsUnknownToProgressAndRecallWhileKeptOneIsRecalled() {
		long first = send("最早");
		for (int i = 0; i < CAPACITY; i++) {
			send("后来 " + i);
		}
		long last = send("最新");
		assertAnswer(this.http.call("/topapi/message/corpconversation/getsendprogress",
				Map.of("agent_id", 100001, "task_id", first)), true,
				"{\"errcode\":400002,\"errmsg\":\"无效的参数: task_id\"}");
		assertAnswer(this.http.call("/topapi/message/corpconversation/recall",
				Map.of("agent_id", 100001, "msg_task_id", last)), true, "{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(this.fake.latestSentMessages(1)).singleElement()
			.satisfies((message) -> assertThat(message.recalled()).isTrue());
		assertThat(this.fake.sentMessages().get(CAPACITY - 1).recalled()).isTrue();
	}

	@Test
	void uploadedMediaAreBoundedToo() {
		for (int i = 1; i <= 7; i++) {
			this.http.upload("/media/upload?access_token=" + this.http.accessToken() + "&type=file", Map.of(),
					"f" + i + ".pdf", new byte[] { (byte) i });
		}
		assertThat(this.fake.uploadedMedia()).extracting(UploadedMedia::fileName)
			.containsExactly("f3.pdf", "f4.pdf", "f5.pdf", "f6.pdf", "f7.pdf");
		assertThat(this.fake.uploadedMediaCount()).isEqualTo(new RecordCount(7, 5, 2));
	}

	@Test
	void stubbedCallsAreBoundedToo() {
		this.fake.stub("POST", "/topapi/attendance/getsimplegroups").answer(Map.of());
		for (int i = 1; i <= 6; i++) {
			this.http.call("/topapi/attendance/getsimplegroups", Map.of("offset", i));
		}
		assertThat(this.fake.stubbedCalls()).extracting((call) -> call.json().path("offset").asInt())
			.containsExactly(2, 3, 4, 5, 6);
		assertThat(this.fake.stubbedCallCount()).isEqualTo(new RecordCount(6, 5, 1));
		assertThat(this.fake.callCount("/topapi/attendance/getsimplegroups")).isEqualTo(6);
	}

	@Test
	void resetJournalForgetsRecordsAndCounts() {
		for (int i = 1; i <= 7; i++) {
			send("消息 " + i);
		}
		this.fake.resetJournal();
		assertThat(this.fake.sentMessages()).isEqualTo(List.of());
		assertThat(this.fake.sentMessageCount()).isEqualTo(new RecordCount(0, 0, 0));
	}

	@Test
	void capacityBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeDingTalk.builder().recordCapacity(0))
			.withMessage("recordCapacity must be >= 1, got 0");
	}

}
