package io.dingboot.test;

import java.nio.charset.StandardCharsets;

import io.dingboot.media.MediaApi;
import io.dingboot.media.MediaType;
import io.dingboot.message.Message;
import io.dingboot.message.NotificationTask;
import io.dingboot.message.WorkNotification;
import io.dingboot.message.WorkNotificationApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms",
		"dingtalk.http.read-timeout=2s" })
@AutoConfigureFakeDingTalk
class RecordedMessagesExampleTests {

	@Autowired
	FakeDingTalk fake;

	@Autowired
	WorkNotificationApi notifications;

	@Autowired
	MediaApi media;

	@BeforeEach
	void resetJournal() {
		this.fake.resetJournal(); // forget calls, messages and media of earlier tests; keep tokens
	}

	@Test
	void notificationToADepartmentReachesItsSubDepartments() {
		NotificationTask task = this.notifications
			.send(WorkNotification.toDepartments(2L).message(Message.text("周会改到下午三点")).build());
		assertThat(this.fake.sentMessages()).singleElement().satisfies((message) -> {
			assertThat(message.taskId()).isEqualTo(task.taskId());
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.text()).isEqualTo("周会改到下午三点");
			assertThat(message.recipients()).containsExactly("zhangsan", "lisi", "wangwu");
		});
		assertThat(this.fake.sentMessagesTo("wangwu")).hasSize(1); // 前端组 is under 研发部
		assertThat(this.fake.sentMessagesTo("sunqi")).isEmpty();
	}

	@Test
	void recallIsRecordedOnTheMessage() {
		NotificationTask task = this.notifications
			.send(WorkNotification.toUsers("lisi").message(Message.markdown("发布", "# 今晚发布")).build());
		this.notifications.recall(task.taskId());
		assertThat(this.fake.latestSentMessages(1)).singleElement()
			.satisfies((message) -> assertThat(message.recalled()).isTrue());
	}

	@Test
	void latestMessagesAndCounts() {
		for (int i = 1; i <= 3; i++) {
			this.notifications.send(WorkNotification.toUsers("zhangsan").message(Message.text("第" + i + "条")).build());
		}
		assertThat(this.fake.latestSentMessages(2)).extracting(SentMessage::text).containsExactly("第3条", "第2条");
		assertThat(this.fake.sentMessageCount()).isEqualTo(new RecordCount(3, 3, 0));
		assertThat(this.fake.callCount("/topapi/message/corpconversation/asyncsend_v2")).isEqualTo(3);
	}

	@Test
	void uploadedFileIsRecorded() {
		this.media.upload(MediaType.FILE, "季度报告".getBytes(StandardCharsets.UTF_8), "report.pdf");
		assertThat(this.fake.uploadedMedia()).singleElement().satisfies((uploaded) -> {
			assertThat(uploaded.type()).isEqualTo("file");
			assertThat(uploaded.fileName()).isEqualTo("report.pdf");
			assertThat(new String(uploaded.content(), StandardCharsets.UTF_8)).isEqualTo("季度报告");
		});
		assertThat(this.fake.uploadedMediaCount().received()).isEqualTo(1);
	}

}
