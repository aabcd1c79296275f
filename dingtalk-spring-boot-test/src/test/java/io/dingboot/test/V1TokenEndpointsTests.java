package io.dingboot.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1.0/oauth2/accessToken} and planned v1.0 errors ({@link FakeV1Error}), in the wire
 * format of DingTalk's v1.0 family.
 */
class V1TokenEndpointsTests {

	private static final String PATH = "/v1.0/oauth2/accessToken";

	private static final String ME = "/v1.0/contact/users/me";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HttpResponse<String> send(FakeDingTalk fake, String method, String path, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("x-acs-dingtalk-access-token", token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String credentials(FakeDingTalk fake) {
		FakeApp app = fake.organization().app();
		return "{\"appKey\":\"" + app.appKey() + "\",\"appSecret\":\"" + app.appSecret() + "\"}";
	}

	@Test
	void rightCredentialsGetATokenThatEveryFamilyAccepts(FakeDingTalk fake) throws Exception {
		HttpResponse<String> response = send(fake, "POST", PATH, credentials(fake), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		JsonNode answer = json.readTree(response.body());
		assertThat(answer.propertyNames()).containsExactly("accessToken", "expireIn");
		assertThat(answer.get("expireIn").asLong()).isEqualTo(7200);
		String token = answer.get("accessToken").asString();
		// asked again while valid: the same token, as DingTalk does
		assertThat(json.readTree(send(fake, "POST", PATH, credentials(fake), null).body()).get("accessToken").asString())
			.isEqualTo(token);
		fake.stub("GET", ME).answer(java.util.Map.of("nick", "张三"));
		assertThat(send(fake, "GET", ME, null, token).statusCode()).isEqualTo(200);
		assertThat(fake.callCount(PATH)).isEqualTo(2);
		assertThat(fake.gettokenCount()).isZero();
	}

	@Test
	void wrongOrMissingCredentialsGetInvalidClientIdOrSecret(FakeDingTalk fake) throws Exception {
		FakeApp app = fake.organization().app();
		for (String body : new String[] { "{\"appKey\":\"" + app.appKey() + "\",\"appSecret\":\"wrong\"}",
				"{\"appKey\":\"" + app.appKey() + "\"}", "{}" }) {
			HttpResponse<String> response = send(fake, "POST", PATH, body, null);
			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode answer = json.readTree(response.body());
			assertThat(answer.propertyNames()).containsExactlyInAnyOrder("code", "requestid", "message");
			assertThat(answer.get("code").asString()).isEqualTo("invalidClientIdOrSecret");
			assertThat(answer.get("message").asString()).isEqualTo("无效的clientId或者clientSecret");
			assertThat(answer.get("requestid").asString()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
		}
		assertThat(send(fake, "GET", PATH, null, null).statusCode()).isEqualTo(405);
	}

	@Test
	void plannedV1ErrorsAnswerTheNextCallsThenTheStubAgain(FakeDingTalk fake) throws Exception {
		String token = json.readTree(send(fake, "POST", PATH, credentials(fake), null).body()).get("accessToken").asString();
		fake.stub("GET", ME).answer(java.util.Map.of("nick", "张三"));
		fake.failNext(ME, 1, FakeV1Error.qpsLimitForApi());
		fake.failNext(ME, 1, FakeV1Error.permissionDenied("Contact.User.Read"));
		HttpResponse<String> throttled = send(fake, "GET", ME, null, token);
		assertThat(throttled.statusCode()).isEqualTo(403);
		assertThat(json.readTree(throttled.body()).get("code").asString()).isEqualTo("Forbidden.AccessDenied.QpsLimitForApi");
		HttpResponse<String> denied = send(fake, "GET", ME, null, token);
		assertThat(denied.statusCode()).isEqualTo(403);
		JsonNode deniedBody = json.readTree(denied.body());
		assertThat(deniedBody.get("code").asString()).isEqualTo("Forbidden.AccessDenied.AccessTokenPermissionDenied");
		assertThat(deniedBody.at("/accessdenieddetail/requiredScopes/0").asString()).isEqualTo("Contact.User.Read");
		assertThat(send(fake, "GET", ME, null, token).statusCode()).isEqualTo(200);
		fake.expireAllTokens();
		HttpResponse<String> expired = send(fake, "GET", ME, null, token);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(json.readTree(expired.body()).get("code").asString()).isEqualTo("InvalidAuthentication");
		assertThat(fake.callCount(ME)).isEqualTo(4);
	}

}
