package io.dingboot.test;

import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.token.AccessTokenProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
@AutoConfigureFakeDingTalk
class AutoConfigureFakeDingTalkTests {

	private static final String USER_GET = "/topapi/v2/user/get";

	@Autowired
	private FakeDingTalk fake;

	@Autowired
	private DingTalkClient client;

	@Autowired
	private AccessTokenProvider tokens;

	@Value("${dingtalk.base-url}")
	private String baseUrl;

	@Value("${dingtalk.agent-id}")
	private long agentId;

	@BeforeEach
	void startFromEmptyTokenCacheAndJournal() {
		this.tokens.invalidate(this.tokens.getAccessToken());
		this.fake.resetJournal();
	}

	private JsonNode getUser(String userid) {
		return this.client.execute(DingTalkRequest.post(USER_GET).body(Map.of("userid", userid)).build());
	}

	@Test
	void propertiesPointAtTheFake() {
		assertThat(this.baseUrl).isEqualTo(this.fake.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.agentId).isEqualTo(100001L);
	}

	@Test
	void twoCallsFetchTheTokenOnce() {
		assertThat(getUser("zhangsan").path("result").path("name").asString()).isEqualTo("张三");
		assertThat(getUser("lisi").path("result").path("title").asString()).isEqualTo("后端工程师");
		assertThat(this.fake.gettokenCount()).isEqualTo(1);
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(2);
	}

	@Test
	void tokenInvalidAnswerMakesTheStarterRefetchTheTokenOnceAndRetry() {
		getUser("zhangsan");
		this.fake.failNext(USER_GET, 1, 40014);
		assertThat(getUser("zhangsan").path("result").path("userid").asString()).isEqualTo("zhangsan");
		assertThat(this.fake.gettokenCount()).isEqualTo(2);
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(3);
	}

	@Test
	void expiredTokensAreRefetchedOnce() {
		getUser("zhangsan");
		this.fake.expireAllTokens();
		getUser("lisi");
		assertThat(this.fake.gettokenCount()).isEqualTo(2);
	}

	@Test
	void throttledAnswerIsRetried() {
		this.fake.failNext(USER_GET, 1, 90018);
		assertThat(getUser("lisi").path("errcode").asInt()).isZero();
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(2);
	}

	@Test
	void unknownUserReachesTheCallerAs33012() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> getUser("nobody"))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(33012));
	}

}
