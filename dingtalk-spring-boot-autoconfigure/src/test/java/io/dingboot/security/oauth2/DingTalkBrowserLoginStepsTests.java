package io.dingboot.security.oauth2;

import java.time.Instant;
import java.util.Map;

import io.dingboot.ApiWireMock;
import io.dingboot.security.authentication.DingTalkLoginApp;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DingTalk's token and user steps of browser login against WireMock: the exact wire format and
 * the error codes.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkBrowserLoginStepsTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private static final String TOKEN_PATH = "/v1.0/oauth2/userAccessToken";

	private static final String ME_PATH = "/v1.0/contact/users/me";

	private UserApi users;

	private ClientRegistration registration;

	private DingTalkAccessTokenResponseClient tokens;

	@BeforeEach
	void setUp() {
		this.users = new UserApi(dingTalk.reset());
		this.registration = DingTalkClientRegistrations
			.builder("default", "appkey1", "appsecret1", "http://login.test", dingTalk.baseUrl())
			.build();
		this.tokens = new DingTalkAccessTokenResponseClient(RestClient.create(), (id) -> id.equals("dingtalk"));
	}

	@Test
	void tokenCallPostsExactlyDingTalksJsonBodyAndKeepsTheCorpId(CapturedOutput output) {
		dingTalk.server()
			.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"accessToken\":\"usertoken1\",\"refreshToken\":\"refresh1\",\"expireIn\":7200,\"corpId\":\"dingcorp\"}")));
		OAuth2AccessTokenResponse response = this.tokens.getTokenResponse(grant("code-123"));
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("usertoken1");
		assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("refresh1");
		assertThat(response.getAdditionalParameters()).containsEntry("corpId", "dingcorp");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"clientId\":\"appkey1\",\"clientSecret\":\"appsecret1\","
						+ "\"code\":\"code-123\",\"grantType\":\"authorization_code\"}", false, false)));
		assertThat(output).doesNotContain("code-123").doesNotContain("appsecret1").doesNotContain("usertoken1");
	}

	@Test
	void invalidCodeIsInvalidCodeAndA503IsDingTalkUnavailable() {
		dingTalk.server()
			.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":\"invalidCode\",\"message\":\"不合法的临时授权码\",\"requestid\":\"r\"}")));
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.tokens.getTokenResponse(grant("used")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_code"));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.tokens.getTokenResponse(grant("x")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("dingtalk_unavailable"));
	}

	@Test
	void unreachableDingTalkIsDingTalkUnavailable() {
		ClientRegistration nowhere = DingTalkClientRegistrations
			.builder("default", "appkey1", "appsecret1", "http://login.test", "http://127.0.0.1:1")
			.build();
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.tokens.getTokenResponse(grant(nowhere, "x")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("dingtalk_unavailable"));
	}

	@Test
	void userServiceSendsTheUserTokenInTheHeaderThenMapsUnionidToUseridWithTheAppToken() {
		stubMe();
		dingTalk.stubPost("/topapi/user/getbyunionid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"contact_type\":0,\"userid\":\"zhangsan\"},\"request_id\":\"r\"}");
		dingTalk.stubPost("/topapi/v2/user/get", """
				{"errcode":0,"errmsg":"ok","request_id":"r2",
				 "result":{"userid":"zhangsan","unionid":"uz","name":"张三","title":"工程师","dept_id_list":[2],
				           "admin":false,"boss":false}}""");
		OAuth2User user = service("dingcorp").loadUser(userRequest(Map.of("corpId", "dingcorp")));
		assertThat(user).isInstanceOf(DingTalkUser.class);
		DingTalkUser dingTalkUser = (DingTalkUser) user;
		assertThat(dingTalkUser.getName()).isEqualTo("zhangsan");
		assertThat(dingTalkUser.getDisplayName()).isEqualTo("张三");
		assertThat(dingTalkUser.getCorpId()).isEqualTo("dingcorp");
		assertThat(dingTalkUser.isDetailsFetched()).isFalse();
		assertThat(user.getAttributes()).containsEntry("userid", "zhangsan").containsEntry("unionid", "uz")
			.doesNotContainKeys("accessToken", "code");
		assertThat(user.getAuthorities()).extracting("authority").containsExactly("ROLE_DINGTALK_USER");
		dingTalk.server()
			.verify(exactly(1), getRequestedFor(urlPathEqualTo(ME_PATH))
				.withHeader("x-acs-dingtalk-access-token", equalTo("usertoken1")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/getbyunionid"))
				.withQueryParam("access_token", equalTo(ApiWireMock.TOKEN))
				.withRequestBody(equalToJson("{\"unionid\":\"uz\"}")));
	}

	@Test
	void unionidWithoutUseridIsNotInOrganization() {
		stubMe();
		dingTalk.stubPost("/topapi/user/getbyunionid",
				"{\"errcode\":60121,\"errmsg\":\"找不到该用户\",\"request_id\":\"r\"}");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> service(null).loadUser(userRequest(Map.of())))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("not_in_organization"));
	}

	@Test
	void corpIdOfAnotherOrganisationIsNotInOrganizationBeforeAnyCall() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> service("dingcorp").loadUser(userRequest(Map.of("corpId", "dingother"))))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("not_in_organization"));
		assertThat(dingTalk.server().getAllServeEvents()).isEmpty();
	}

	private void stubMe() {
		dingTalk.server()
			.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"nick\":\"张三\",\"unionId\":\"uz\",\"openId\":\"o1\",\"stateCode\":\"86\"}")));
	}

	private DingTalkOAuth2UserService service(String corpId) {
		return new DingTalkOAuth2UserService(RestClient.create(),
				(name) -> name.equals("default") ? new DingTalkLoginApp("default", corpId, this.users) : null,
				DingTalkUserMapper.defaults(), false);
	}

	private OAuth2UserRequest userRequest(Map<String, Object> parameters) {
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "usertoken1",
				Instant.now(), Instant.now().plusSeconds(7200));
		return new OAuth2UserRequest(this.registration, token, parameters);
	}

	private OAuth2AuthorizationCodeGrantRequest grant(String code) {
		return grant(this.registration, code);
	}

	private static OAuth2AuthorizationCodeGrantRequest grant(ClientRegistration registration, String code) {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri("http://app/login/oauth2/code/dingtalk")
			.state("s1")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri("http://app/login/oauth2/code/dingtalk")
			.state("s1")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response));
	}

}
