package io.dingboot.test;

import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application calls a v1.0 endpoint DingBoot does not wrap through {@link DingTalkApiClient},
 * against FakeDingTalk: the app's token in the header, the same typed errors, the token fetched from
 * {@code /v1.0/oauth2/accessToken} with {@code dingtalk.token.endpoint=v1}.
 */
@SpringBootTest(properties = { "dingtalk.token.endpoint=v1", "dingtalk.retry.initial-backoff=10ms",
		"dingtalk.retry.max-backoff=50ms", "dingtalk.http.read-timeout=2s" })
@AutoConfigureFakeDingTalk
class V1ApiExampleTests {

	static final String USER = "/v1.0/contact/users/{unionId}";

	static final String ZHANGSAN = "/v1.0/contact/users/zhangsan-union";

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkApiClient apiClient; // any v1.0 endpoint, with the app's token

	@BeforeEach
	void resetFake() {
		this.fake.resetJournal();
		this.fake.clearFaults();
		this.fake.stub("GET", ZHANGSAN).answer(Map.of("nick", "张三", "unionId", "zhangsan-union"));
	}

	JsonNode user() {
		return this.apiClient.execute(DingTalkRequest.get(USER, "zhangsan-union").build());
	}

	@Test
	void unwrappedV1EndpointAnswersWithTheAppsTokenInTheHeader() {
		assertThat(user().path("nick").asString()).isEqualTo("张三");
		assertThat(this.fake.stubbedCalls(ZHANGSAN)).singleElement()
			.satisfies((call) -> assertThat(call.query()).doesNotContainKey("access_token"));
		assertThat(this.fake.gettokenCount()).isZero();
	}

	@Test
	void expiredTokenIsFetchedOnceFromTheV1EndpointAndTheCallRetriedOnce() {
		user();
		int fetched = this.fake.callCount("/v1.0/oauth2/accessToken");
		this.fake.expireAllTokens(); // the next call meets HTTP 400 InvalidAuthentication
		assertThat(user().path("nick").asString()).isEqualTo("张三");
		assertThat(this.fake.callCount(ZHANGSAN)).isEqualTo(3);
		assertThat(this.fake.callCount("/v1.0/oauth2/accessToken")).isEqualTo(fetched + 1);
	}

	@Test
	void unauthorizedTwiceFailsAfterOneRefreshWithoutLooping() {
		user();
		this.fake.resetJournal();
		this.fake.failNext(ZHANGSAN, 2, FakeV1Error.unauthorized());
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(this::user)
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
		assertThat(this.fake.callCount(ZHANGSAN)).isEqualTo(2);
		assertThat(this.fake.callCount("/v1.0/oauth2/accessToken")).isEqualTo(1);
	}

	@Test
	void throttlingIsRetriedWithBackoff() {
		this.fake.failNext(ZHANGSAN, 2, FakeV1Error.qpsLimitForAppkeyAndApi());
		assertThat(user().path("nick").asString()).isEqualTo("张三");
		assertThat(this.fake.callCount(ZHANGSAN)).isEqualTo(3);
	}

	@Test
	void missingPermissionIsTypedAndNamesThePermission() {
		this.fake.failNext(ZHANGSAN, 1, FakeV1Error.permissionDenied("Contact.User.Read"));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(this::user).satisfies((ex) -> {
			assertThat(ex.getCode()).isEqualTo("Forbidden.AccessDenied.AccessTokenPermissionDenied");
			assertThat(ex.getHttpStatus()).isEqualTo(403);
			assertThat(ex.getApiPath()).isEqualTo(USER);
			assertThat(ex.getRequestId()).isNotBlank();
			assertThat(ex.getMessage()).contains("Grant the app the permission Contact.User.Read");
		});
		assertThat(this.fake.callCount(ZHANGSAN)).isEqualTo(1);
	}

}
