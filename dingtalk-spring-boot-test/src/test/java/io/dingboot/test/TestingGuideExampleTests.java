package io.dingboot.test;

import java.util.Map;

import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
@AutoConfigureFakeDingTalk
class TestingGuideExampleTests {

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkClient client;

	@BeforeEach
	void resetFake() {
		this.fake.reset(); // tokens issued before are invalid now: exactly one gettoken follows
	}

	@Test
	void twoCallsFetchTheTokenOnce() {
		var request = DingTalkRequest.post("/topapi/v2/user/get").body(Map.of("userid", "zhangsan")).build();
		assertThat(this.client.execute(request).path("result").path("name").asString()).isEqualTo("张三");
		this.client.execute(request);
		assertThat(this.fake.gettokenCount()).isEqualTo(1);
	}

	@Test
	void invalidTokenIsRefetchedOnceAndTheCallRetried() {
		this.fake.failNext("/topapi/v2/user/get", 1, 40014); // 88 / sub_code "40014"
		var request = DingTalkRequest.post("/topapi/v2/user/get").body(Map.of("userid", "lisi")).build();
		assertThat(this.client.execute(request).path("errcode").asInt()).isZero();
		assertThat(this.fake.callCount("/topapi/v2/user/get")).isEqualTo(2);
		assertThat(this.fake.gettokenCount()).isEqualTo(1);
	}

	@Test
	void workNotificationIsRecorded() {
		this.client.execute(DingTalkRequest.post("/topapi/message/corpconversation/asyncsend_v2")
			.body(Map.of("agent_id", 100001, "dept_id_list", "2",
					"msg", Map.of("msgtype", "text", "text", Map.of("content", "周会改到下午三点"))))
			.build());
		assertThat(this.fake.sentMessagesTo("wangwu")).singleElement()
			.satisfies((message) -> assertThat(message.text()).isEqualTo("周会改到下午三点"));
	}

}
