package io.dingboot.test;

import java.time.Duration;

import io.dingboot.DingTalkApiException;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms",
		"dingtalk.http.read-timeout=2s" })
@AutoConfigureFakeDingTalk
class FaultInjectionExampleTests {

	static final String USER_GET = "/topapi/v2/user/get";

	@Autowired
	FakeDingTalk fake;

	@Autowired
	UserApi users;

	@BeforeEach
	void resetFake() {
		this.fake.resetJournal(); // call counts of earlier tests; the application's token stays valid
		this.fake.clearFaults(); // planned failures and latencies of earlier tests
	}

	@Test
	void systemBusyIsRetried() {
		this.fake.failNext(USER_GET, 1, -1); // {"errcode":-1,"errmsg":"系统繁忙"}
		assertThat(this.users.get("lisi").name()).isEqualTo("李四");
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(2);
	}

	@Test
	void throttlingBeyondTheRetriesReachesTheCaller() {
		this.fake.failNext(USER_GET, 3, 90018); // 88 / sub_code "90018" three times
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.get("lisi"))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(90018));
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(3); // dingtalk.retry.max-attempts
	}

	@Test
	void gatewayErrorPageIsRetried() {
		this.fake.failNextWithStatus(USER_GET, 1, 502, "<html><body>502 Bad Gateway</body></html>");
		assertThat(this.users.get("lisi").userid()).isEqualTo("lisi");
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(2);
	}

	@Test
	void droppedConnectionOfAReadIsRetried() {
		this.fake.resetConnectionNext(USER_GET, 1);
		assertThat(this.users.get("lisi").userid()).isEqualTo("lisi");
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(2);
	}

	@Test
	void slowAnswerTimesOut() {
		this.fake.setLatency(USER_GET, Duration.ofSeconds(3)); // longer than dingtalk.http.read-timeout (2s)
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.get("lisi"));
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(3);
	}

	@Test
	void expiredTokenIsFetchedAgainOnce() {
		this.users.get("lisi");
		int fetched = this.fake.gettokenCount(); // 1 when this test runs first in its context, else 0
		this.fake.expireAllTokens();
		this.users.get("zhangsan"); // 88 / sub_code 40014, one gettoken, the call again
		assertThat(this.fake.gettokenCount()).isEqualTo(fetched + 1);
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(3);
	}

}
