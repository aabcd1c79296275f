package io.dingboot.test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FaultInjectionTests extends FakeHttpTestSupport {

	private static final String USER_GET = "/topapi/v2/user/get";

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	private int userGet() {
		return this.http.call(USER_GET, Map.of("userid", "lisi"))
			.path("errcode")
			.asInt();
	}

	@Test
	void failNextAnswersErrcodeForExactlyThatManyCalls() {
		this.fake.failNext(USER_GET, 2, -1);
		assertAnswer(this.http.call(USER_GET, Map.of("userid", "lisi")), true,
				"{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}");
		assertThat(userGet()).isEqualTo(-1);
		assertThat(userGet()).isZero();
		assertThat(this.fake.callCount(USER_GET)).isEqualTo(3);
	}

	@Test
	void failNextWithThrottleCodeOnTopapiWrapsItIn88() {
		this.fake.failNext(USER_GET, 1, 90018);
		assertAnswer(this.http.call(USER_GET, Map.of("userid", "lisi")), true,
				"{\"errcode\":88,\"sub_code\":\"90018\",\"sub_msg\":\"当前应用调用该接口次数过多，超出了该接口承受的最大qps\","
						+ "\"errmsg\":\"ding talk error[subcode=90018,submsg=当前应用调用该接口次数过多，超出了该接口承受的最大qps]\"}");
	}

	@Test
	void failNextWithTokenCodeOnTopapiWrapsItIn88() {
		this.fake.failNext(USER_GET, 1, 40014);
		assertAnswer(this.http.call(USER_GET, Map.of("userid", "lisi")), true,
				"{\"errcode\":88,\"sub_code\":\"40014\",\"sub_msg\":\"不合法的access_token\","
						+ "\"errmsg\":\"ding talk error[subcode=40014,submsg=不合法的access_token]\"}");
	}

	@Test
	void failNextOnGettokenIsNeverWrapped() {
		this.fake.failNext("/gettoken", 1, 90018, "too fast");
		assertAnswer(this.http.get("/gettoken?appkey=dingdemoappkey&appsecret=demo-app-secret"), false,
				"{\"errcode\":90018,\"errmsg\":\"too fast\"}");
		assertThat(this.fake.gettokenCount()).isEqualTo(2);
	}

	@Test
	void failNextWithStatusAnswersRawBody() throws Exception {
		this.fake.failNextWithStatus("/gettoken", 1, 502, "<html>Bad Gateway</html>");
		var response = this.http.raw("/gettoken", Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).isEqualTo("<html>Bad Gateway</html>");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
	}

	@Test
	void resetConnectionNextDropsConnectionThenRecovers() throws Exception {
		this.fake.resetConnectionNext("/gettoken", 1);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.raw("/gettoken", Duration.ofSeconds(5)));
		assertThat(this.http.raw("/gettoken", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
		assertThat(this.fake.gettokenCount()).isEqualTo(3);
	}

	@Test
	void latencyOnPathDelaysAnswersBeyondClientTimeout() {
		this.fake.setLatency("/gettoken", Duration.ofSeconds(1));
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.http.raw("/gettoken", Duration.ofMillis(200)));
	}

	@Test
	void resetClearsFaultsJournalAndTokens() {
		this.fake.failNext(USER_GET, 5, -1);
		this.fake.reset();
		assertThat(this.fake.gettokenCount()).isZero();
		assertThat(userGet()).isEqualTo(88);
		this.http.renewAccessToken();
		assertThat(userGet()).isZero();
	}

	@Test
	void resetJournalKeepsTokens() {
		userGet();
		this.fake.resetJournal();
		assertThat(this.fake.callCount(USER_GET)).isZero();
		assertThat(userGet()).isZero();
	}

}
