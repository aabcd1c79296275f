package io.dingboot.test;

import java.util.List;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms",
		"dingtalk.http.read-timeout=2s" })
@AutoConfigureFakeDingTalk
class StubExampleTests {

	static final String GROUPS = "/topapi/attendance/getsimplegroups";

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkClient client; // the escape hatch for endpoints DingBoot does not wrap

	@BeforeEach
	void resetFake() {
		this.fake.resetJournal(); // counts and recorded calls of earlier tests; the application's token stays valid
	}

	JsonNode attendanceGroups() {
		return this.client.execute(DingTalkRequest.post(GROUPS).body(Map.of("offset", 0, "size", 10)).build());
	}

	@Test
	void unwrappedEndpointAnswersWhatTheStubSays() {
		this.fake.stub("POST", GROUPS)
			.answer(Map.of("result", Map.of("has_more", false, "groups",
					List.of(Map.of("group_id", 1, "group_name", "白班", "type", "FIXED")))));
		JsonNode answer = attendanceGroups();
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(answer.path("result").path("groups").get(0).path("group_name").asString()).isEqualTo("白班");
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(1);
		assertThat(this.fake.stubbedCalls(GROUPS)).singleElement()
			.satisfies((call) -> assertThat(call.json().path("size").asInt()).isEqualTo(10));
	}

	@Test
	void stubbedEndpointChecksTheTokenSoTheStarterRefreshesItOnce() {
		this.fake.stub("POST", GROUPS).answerJson("{\"result\":{\"has_more\":false,\"groups\":[]}}");
		attendanceGroups();
		int fetched = this.fake.gettokenCount();
		this.fake.expireAllTokens(); // the next call meets 88 / sub_code 40014
		assertThat(attendanceGroups().path("errcode").asInt()).isZero();
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(3);
		assertThat(this.fake.gettokenCount()).isEqualTo(fetched + 1);
	}

	@Test
	void stubbedErrcodeReachesTheCallerAsDingTalkApiException() {
		this.fake.stub("POST", GROUPS).errcode(60011, "没有调用该接口的权限");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(this::attendanceGroups)
			.satisfies((ex) -> {
				assertThat(ex.getEffectiveCode()).isEqualTo(60011);
				assertThat(ex.getApiPath()).isEqualTo(GROUPS);
			});
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(1);
	}

}
