package io.dingboot.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointsTests {

	private static final MutableClock clock = new MutableClock();

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(
			FakeDingTalk.builder().clock(clock).tokenLifetime(Duration.ofSeconds(600)));

	private FakeDingTalk fake;

	private FakeHttp http;

	@BeforeEach
	void connect() {
		this.fake = dingTalk.get();
		this.http = new FakeHttp(this.fake);
	}

	@Test
	void gettokenWithAppCredentialsAnswersTokenAndLifetime() {
		JsonNode answer = this.http.get("/gettoken?appkey=dingdemoappkey&appsecret=demo-app-secret");
		String token = answer.path("access_token").asString();
		assertThat(token).matches("[0-9a-f]{32}");
		assertAnswer(answer, false,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":600}");
	}

	@Test
	void gettokenWithinValidityReturnsSameTokenAndExtendsIt() {
		String first = this.http.token();
		clock.advance(Duration.ofSeconds(500));
		assertThat(this.http.token()).isEqualTo(first);
		clock.advance(Duration.ofSeconds(500));
		assertThat(this.http.token()).isEqualTo(first);
		assertThat(this.fake.gettokenCount()).isEqualTo(3);
	}

	@Test
	void gettokenAfterExpiryIssuesNewToken() {
		String first = this.http.token();
		clock.advance(Duration.ofSeconds(600));
		assertThat(this.http.token()).isNotEqualTo(first);
	}

	@Test
	void gettokenWithCorpCredentialsAnswersToken() {
		JsonNode answer = this.http.get("/gettoken?corpid=dingdemocorp&corpsecret=demo-corp-secret");
		assertThat(answer.path("errcode").asInt()).isZero();
		assertThat(answer.path("access_token").asString()).hasSize(32);
	}

	@Test
	void gettokenWithWrongAppSecretAnswers40096() {
		assertAnswer(this.http.get("/gettoken?appkey=dingdemoappkey&appsecret=wrong"), false,
				"{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}");
	}

	@Test
	void gettokenWithWrongCorpSecretAnswers40089() {
		assertAnswer(this.http.get("/gettoken?corpid=dingdemocorp&corpsecret=wrong"), false,
				"{\"errcode\":40089,\"errmsg\":\"不合法的corpid或corpsecret\"}");
	}

	@Test
	void gettokenWithCredentialsInFormBodyAnswers40035() {
		assertAnswer(this.http.postForm("/gettoken", "appkey=dingdemoappkey&appsecret=demo-app-secret"), false,
				"{\"errcode\":40035,\"errmsg\":\"缺少参数 corpid or appkey\"}");
	}

	@Test
	void topapiWithUnknownTokenAnswers88With40014() {
		assertAnswer(this.http.postJson("/topapi/v2/user/get?access_token=test", Map.of("userid", "test")), true,
				"{\"errcode\":88,\"sub_code\":\"40014\",\"sub_msg\":\"不合法的access_token\","
						+ "\"errmsg\":\"ding talk error[subcode=40014,submsg=不合法的access_token]\"}");
	}

	@Test
	void topapiWithTokenInFormBodyIsAccepted() {
		String token = this.http.token();
		JsonNode answer = this.http.postForm("/topapi/v2/user/get", "access_token=" + token + "&userid=lisi");
		assertThat(answer.path("result").path("name").asString()).isEqualTo("李四");
	}

	@Test
	void topapiWithoutTokenAnswers88With40000() {
		assertAnswer(this.http.postJson("/topapi/v2/user/get", Map.of("userid", "test")), true,
				"{\"errcode\":88,\"sub_code\":\"40000\",\"sub_msg\":\"access_token is blank\","
						+ "\"errmsg\":\"ding talk error[subcode=40000,submsg=access_token is blank]\"}");
	}

	@Test
	void topapiWithExpiredTokenAnswers88With40014() {
		String token = this.http.token();
		clock.advance(Duration.ofSeconds(600));
		JsonNode answer = this.http.postJson("/topapi/v2/user/get?access_token=" + token, Map.of("userid", "lisi"));
		assertThat(answer.path("errcode").asInt()).isEqualTo(88);
		assertThat(answer.path("sub_code").asString()).isEqualTo("40014");
	}

	@Test
	void nonTopapiWithInvalidTokenAnswersUnwrapped40014() {
		assertAnswer(this.http.get("/get_jsapi_ticket?access_token=test"), false,
				"{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");
	}

	@Test
	void nonTopapiWithoutTokenAnswers41001() {
		assertAnswer(this.http.get("/get_jsapi_ticket"), false, "{\"errcode\":41001,\"errmsg\":\"缺少access_token参数\"}");
	}

	@Test
	void expireAllTokensMakesIssuedTokensInvalidAndNextGettokenIssuesNewOne() {
		String token = this.http.token();
		this.fake.expireAllTokens();
		JsonNode answer = this.http.postJson("/topapi/v2/user/get?access_token=" + token, Map.of("userid", "lisi"));
		assertThat(answer.path("sub_code").asString()).isEqualTo("40014");
		String fresh = this.http.token();
		assertThat(fresh).isNotEqualTo(token);
		assertThat(this.http.postJson("/topapi/v2/user/get?access_token=" + fresh, Map.of("userid", "lisi"))
			.path("errcode")
			.asInt()).isZero();
	}

	@Test
	void unknownTopapiPathAnswers22BeforeTokenCheck() {
		assertAnswer(this.http.postJson("/topapi/v2/user/notexist", Map.of()), true,
				"{\"errcode\":22,\"sub_msg\":\"不合法ApiName，ApiName = dingtalk.oapi.v2.user.notexist\","
						+ "\"errmsg\":\"Invalid method[submsg=不合法ApiName，ApiName = dingtalk.oapi.v2.user.notexist]\"}");
	}

	@Test
	void unknownPathAnswers404() {
		assertAnswer(this.http.get("/nothing/here"), false, "{\"errcode\":404,\"errmsg\":\"请求的URI地址不存在\"}");
	}

}
