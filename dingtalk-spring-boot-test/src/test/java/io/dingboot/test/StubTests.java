package io.dingboot.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeDingTalk#stub(String, String)}: endpoints DingBoot does not wrap answer in DingTalk's
 * wire format, after the same token check as every other endpoint.
 */
class StubTests extends FakeHttpTestSupport {

	private static final String GROUPS = "/topapi/attendance/getsimplegroups";

	private static final String ME = "/v1.0/contact/users/me";

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void withoutStubUnknownTopapiPathAnswersErrcode22() {
		assertAnswer(this.http.call(GROUPS, Map.of()), true, "{\"errcode\":22,\"sub_msg\":\"不合法ApiName，ApiName = "
				+ "dingtalk.oapi.attendance.getsimplegroups\",\"errmsg\":\"Invalid method[submsg=不合法ApiName，ApiName = "
				+ "dingtalk.oapi.attendance.getsimplegroups]\"}");
	}

	@Test
	void stubAnswersItsFieldsAfterErrcodeZeroWithARequestIdAndRecordsTheCall() {
		this.fake.stub("POST", GROUPS)
			.answer(Map.of("result", Map.of("has_more", false, "groups", List.of(Map.of("group_id", 1, "group_name", "白班")))));
		JsonNode answer = this.http.call(GROUPS, Map.of("offset", 0, "size", 10));
		assertAnswer(answer, true, "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":false,"
				+ "\"groups\":[{\"group_id\":1,\"group_name\":\"白班\"}]}}");
		assertThat(answer.propertyNames()).containsExactly("errcode", "errmsg", "result", "request_id");
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(1);
		assertThat(this.fake.stubbedCalls(GROUPS)).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.query()).containsEntry("access_token", this.http.accessToken());
			assertThat(call.json().path("size").asInt()).isEqualTo(10);
		});
	}

	@Test
	void stubOnALegacyPathOutsideTopapiAnswersWithoutRequestId() {
		this.fake.stub("GET", "/attendance/list").answerJson("{\"recordresult\":[]}");
		JsonNode answer = this.http.get("/attendance/list?access_token=" + this.http.accessToken());
		assertAnswer(answer, false, "{\"errcode\":0,\"errmsg\":\"ok\",\"recordresult\":[]}");
	}

	@Test
	void stubChecksTheTokenLikeOtherEndpoints() {
		this.fake.stub("POST", GROUPS).answer(Map.of());
		assertAnswer(this.http.postJson(GROUPS, "{}"), true, "{\"errcode\":88,\"sub_code\":\"40000\",\"sub_msg\":"
				+ "\"access_token is blank\",\"errmsg\":\"ding talk error[subcode=40000,submsg=access_token is blank]\"}");
		assertAnswer(this.http.postJson(GROUPS + "?access_token=stale", "{}"), true,
				"{\"errcode\":88,\"sub_code\":\"40014\",\"sub_msg\":\"不合法的access_token\",\"errmsg\":"
						+ "\"ding talk error[subcode=40014,submsg=不合法的access_token]\"}");
		this.fake.stub("GET", "/attendance/list").answer(Map.of());
		assertAnswer(this.http.get("/attendance/list"), false,
				"{\"errcode\":41001,\"errmsg\":\"缺少access_token参数\"}");
		assertAnswer(this.http.get("/attendance/list?access_token=stale"), false,
				"{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(2);
		assertThat(this.fake.stubbedCalls()).hasSize(4);
	}

	@Test
	void stubErrcodeAnswersDingTalksErrorWrappedLikeDingTalk() {
		this.fake.stub("POST", GROUPS).errcode(60011, "no permission");
		assertAnswer(this.http.call(GROUPS, Map.of()), true, "{\"errcode\":60011,\"errmsg\":\"no permission\"}");
		this.fake.stub("POST", GROUPS).errcode(90018);
		assertAnswer(this.http.call(GROUPS, Map.of()), true, "{\"errcode\":88,\"sub_code\":\"90018\",\"sub_msg\":"
				+ "\"当前应用调用该接口次数过多，超出了该接口承受的最大qps\",\"errmsg\":\"ding talk error[subcode=90018,"
				+ "submsg=当前应用调用该接口次数过多，超出了该接口承受的最大qps]\"}");
	}

	@Test
	void stubForOneMethodLeavesOthersToTheFake() {
		this.fake.stub("GET", GROUPS).answer(Map.of("x", 1));
		assertThat(this.http.call(GROUPS, Map.of()).path("errcode").asInt()).isEqualTo(22);
		this.fake.stub(FakeStub.ANY_METHOD, GROUPS).answer(Map.of("x", 2));
		assertThat(this.http.call(GROUPS, Map.of()).path("x").asInt()).isEqualTo(2);
		assertThat(this.http.get(GROUPS + "?access_token=" + this.http.accessToken()).path("x").asInt()).isEqualTo(1);
	}

	@Test
	void answerWithMakesTheAnswerFromTheCall() {
		this.fake.stub("POST", GROUPS)
			.answerWith((call) -> Map.of("echo", call.json().path("offset").asInt() + 1));
		assertThat(this.http.call(GROUPS, Map.of("offset", 41)).path("echo").asInt()).isEqualTo(42);
	}

	@Test
	void plannedFaultComesBeforeTheStub() {
		this.fake.stub("POST", GROUPS).answer(Map.of());
		this.fake.failNext(GROUPS, 1, -1);
		assertThat(this.http.call(GROUPS, Map.of()).path("errcode").asInt()).isEqualTo(-1);
		assertThat(this.http.call(GROUPS, Map.of()).path("errcode").asInt()).isZero();
		assertThat(this.fake.callCount(GROUPS)).isEqualTo(2);
	}

	@Test
	void stubReplacesTheFakesOwnAnswer() {
		this.fake.stub("POST", "/topapi/v2/user/get").errcode(33012);
		assertThat(this.http.call("/topapi/v2/user/get", Map.of("userid", "zhangsan")).path("errcode").asInt())
			.isEqualTo(33012);
		assertThat(this.fake.removeStub("POST", "/topapi/v2/user/get")).isTrue();
		assertThat(this.http.call("/topapi/v2/user/get", Map.of("userid", "zhangsan")).path("errcode").asInt())
			.isZero();
	}

	@Test
	void resetRemovesStubs() {
		this.fake.stub("POST", GROUPS).answer(Map.of());
		this.fake.reset();
		this.http.renewAccessToken();
		assertThat(this.http.call(GROUPS, Map.of()).path("errcode").asInt()).isEqualTo(22);
	}

	@Test
	void newFamilyStubAnswersTheFieldsAloneWithTheTokenInTheHeader() throws Exception {
		this.fake.stub("GET", ME).answer(Map.of("nick", "张三", "unionId", "union-zhangsan"));
		HttpResponse<String> answer = v1("GET", ME, this.http.accessToken(), null);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(FakeHttp.json.readTree(answer.body()))
			.isEqualTo(FakeHttp.json.readTree("{\"nick\":\"张三\",\"unionId\":\"union-zhangsan\"}"));
		assertThat(this.fake.callCount(ME)).isEqualTo(1);
	}

	@Test
	void newFamilyStubRefusesAMissingOrInvalidTokenWithStatus400() throws Exception {
		this.fake.stub("POST", "/v1.0/robot/oToMessages/batchSend").answer(Map.of("processQueryKey", "k"));
		HttpResponse<String> missing = v1("POST", "/v1.0/robot/oToMessages/batchSend", null, "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertV1Error(missing.body(), "AuthenticationFailed.MissingParameter", "缺少参数：x-acs-dingtalk-access-token");
		HttpResponse<String> invalid = v1("POST", "/v1.0/robot/oToMessages/batchSend", "stale", "{}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertV1Error(invalid.body(), "InvalidAuthentication", "不合法的access_token");
		HttpResponse<String> ok = v1("POST", "/v1.0/robot/oToMessages/batchSend", this.http.accessToken(),
				"{\"robotCode\":\"r\"}");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(this.fake.stubbedCalls("/v1.0/robot/oToMessages/batchSend")).hasSize(3)
			.last()
			.satisfies((call) -> assertThat(call.bodyText()).isEqualTo("{\"robotCode\":\"r\"}"));
	}

	@Test
	void newFamilyStubErrorAnswersTheStatusAndV1ErrorBody() throws Exception {
		this.fake.stub("GET", ME).error(403, "Forbidden.AccessDenied.QpsLimitForApi", "调用频率超限");
		HttpResponse<String> answer = v1("GET", ME, this.http.accessToken(), null);
		assertThat(answer.statusCode()).isEqualTo(403);
		assertV1Error(answer.body(), "Forbidden.AccessDenied.QpsLimitForApi", "调用频率超限");
	}

	@Test
	void errcodeOnANewFamilyPathIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.fake.stub("GET", ME).errcode(40014))
			.withMessageContaining("error(status, code, message)");
	}

	@Test
	void badMethodOrPathIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.stub("post", GROUPS));
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.stub("POST", "topapi/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.stub("POST", GROUPS + "?a=b"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.stub("POST", GROUPS).answerJson("[1]"));
	}

	private static void assertV1Error(String body, String code, String message) {
		JsonNode error = FakeHttp.json.readTree(body);
		assertThat(error.propertyNames()).containsExactly("code", "requestid", "message");
		assertThat(error.path("code").asString()).isEqualTo(code);
		assertThat(error.path("message").asString()).isEqualTo(message);
		assertThat(error.path("requestid").asString())
			.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
	}

	private HttpResponse<String> v1(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + path))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("x-acs-dingtalk-access-token", token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
