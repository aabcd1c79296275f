package io.dingboot.security.authentication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class DingTalkAuthenticationProviderTests {

	static final String GET_USER_INFO = "/topapi/v2/user/getuserinfo";

	static final String USER_GET = "/topapi/v2/user/get";

	static final String USER_INFO = """
			{"errcode":0,"errmsg":"ok","request_id":"r1",
			 "result":{"userid":"zhangsan","unionid":"uz","associated_unionid":"","device_id":"d1",
			           "sys":true,"sys_level":1,"name":"张三"}}""";

	static final String USER = """
			{"errcode":0,"errmsg":"ok","request_id":"r2",
			 "result":{"userid":"zhangsan","unionid":"uz","name":"张三","avatar":"https://static/a.png","title":"工程师",
			           "dept_id_list":[2,3],"boss":false,"admin":true,
			           "leader_in_dept":[{"dept_id":2,"leader":false},{"dept_id":3,"leader":true}]}}""";

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private UserApi userApi;

	@BeforeEach
	void reset() {
		this.userApi = new UserApi(dingTalk.reset());
	}

	@Test
	void authenticateWithANamedAppsCodeThenThatAppExchangesItAndThePrincipalCarriesItsNameAndCorp() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		dingTalk.stubPost(USER_GET, USER);
		DingTalkLoginApps apps = (name) -> name.equals("hr") ? new DingTalkLoginApp("hr", "dinghrcorp", this.userApi)
				: null;
		DingTalkAuthenticationToken result = (DingTalkAuthenticationToken) new DingTalkAuthenticationProvider(apps,
				DingTalkUserMapper.defaults(), true)
			.authenticate(DingTalkAuthenticationToken.unauthenticated("hr", "c0de-1"));
		assertThat(result.getName()).isEqualTo("zhangsan");
		assertThat(result.getAppName()).isEqualTo("hr");
		assertThat(result.getDingTalkUser().getAppName()).isEqualTo("hr");
		assertThat(result.getDingTalkUser().getCorpId()).isEqualTo("dinghrcorp");
		assertThat(result.getDingTalkUser().isDetailsFetched()).isTrue();
	}

	@Test
	void authenticateForAnAppThatDoesNotLogUsersInThenRefusesWithoutCallingDingTalk() {
		DingTalkLoginApps apps = (name) -> name.equals("hr") ? new DingTalkLoginApp("hr", "dinghrcorp", this.userApi)
				: null;
		DingTalkAuthenticationProvider provider = new DingTalkAuthenticationProvider(apps, DingTalkUserMapper.defaults(),
				true);
		assertThatExceptionOfType(UnknownDingTalkLoginAppException.class)
			.isThrownBy(() -> provider.authenticate(DingTalkAuthenticationToken.unauthenticated("c0de-1")))
			.withMessage("No DingTalk app logs users in at this URL");
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
	}

	@Test
	void authenticateWhenCodeIsValidThenSendsCodeOnceAndFetchesDetails() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		dingTalk.stubPost(USER_GET, USER);
		Authentication result = provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("c0de-1"));
		assertThat(result.isAuthenticated()).isTrue();
		assertThat(result.getName()).isEqualTo("zhangsan");
		assertThat(result.getCredentials()).isNull();
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_DINGTALK_USER", "ROLE_DINGTALK_ADMIN");
		DingTalkUser user = (DingTalkUser) result.getPrincipal();
		assertThat(user.getUserid()).isEqualTo("zhangsan");
		assertThat(user.getUnionid()).isEqualTo("uz");
		assertThat(user.getDisplayName()).isEqualTo("张三");
		assertThat(user.isAdmin()).isTrue();
		assertThat(user.getAdminLevel()).isEqualTo(1);
		assertThat(user.isDetailsFetched()).isTrue();
		assertThat(user.getAvatar()).isEqualTo("https://static/a.png");
		assertThat(user.getTitle()).isEqualTo("工程师");
		assertThat(user.getDeptIds()).containsExactly(2L, 3L);
		assertThat(user.isBoss()).isFalse();
		assertThat(user.isLeader()).isTrue();
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)).withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"code\":\"c0de-1\"}")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER_GET)).withRequestBody(equalToJson("{\"userid\":\"zhangsan\"}")));
	}

	@Test
	void authenticateWhenDetailsAreOffThenCallsGetUserInfoOnly() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		Authentication result = provider(false).authenticate(DingTalkAuthenticationToken.unauthenticated("c"));
		DingTalkUser user = (DingTalkUser) result.getPrincipal();
		assertThat(user.isDetailsFetched()).isFalse();
		assertThat(user.getAvatar()).isNull();
		assertThat(user.getDeptIds()).isEmpty();
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(USER_GET)));
	}

	@Test
	void authenticateWhenUserIsNotAdminThenOnlyUserRole() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO.replace("\"sys\":true", "\"sys\":false").replace("\"sys_level\":1",
				"\"sys_level\":0"));
		Authentication result = provider(false).authenticate(DingTalkAuthenticationToken.unauthenticated("c"));
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_DINGTALK_USER");
	}

	@Test
	void authenticateWhenCodeIsUsedThenBadCredentialsAndCodeIsSentOnce() {
		dingTalk.stubPost(GET_USER_INFO, "{\"errcode\":40078,\"errmsg\":\"nonexistent temp auth code\"}");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("used")))
			.withCauseInstanceOf(DingTalkApiException.class);
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo(USER_GET)));
	}

	@Test
	void authenticateWhenLegacyInvalidCodeThenBadCredentials() {
		dingTalk.stubPost(GET_USER_INFO, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("x")));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
	}

	@Test
	void authenticateWhenDingTalkFailsWithServerErrorThenServiceExceptionWithoutResending() {
		dingTalk.server().stubFor(post(urlPathEqualTo(GET_USER_INFO)).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("c")))
			.satisfies((ex) -> assertThat(((DingTalkApiException) ex.getCause()).isUnavailable()).isTrue());
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
	}

	@Test
	void authenticateWhenDetailsFailThenLogsInWithBasicInfoAndNeverResendsTheCode() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		dingTalk.stubPost(USER_GET, "{\"errcode\":50002,\"errmsg\":\"out of range\"}");
		Authentication result = provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("c"));
		DingTalkUser user = (DingTalkUser) result.getPrincipal();
		assertThat(user.getUserid()).isEqualTo("zhangsan");
		assertThat(user.isDetailsFetched()).isFalse();
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_USER_INFO)));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo(USER_GET)));
	}

	@Test
	void authenticateWhenMapperRefusesThenItsExceptionIsThrown() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		DingTalkUserMapper refuse = (user) -> {
			throw new DisabledException("no account");
		};
		assertThatExceptionOfType(DisabledException.class)
			.isThrownBy(() -> new DingTalkAuthenticationProvider(this.userApi, refuse, false)
				.authenticate(DingTalkAuthenticationToken.unauthenticated("c")));
	}

	@Test
	void authenticateWhenMapperLinksAccountThenPrincipalIsTheAccountAndNameTheUserid() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		DingTalkUserMapper mapper = (user) -> DingTalkAuthenticationToken.authenticated(user, "account-7",
				List.of(new SimpleGrantedAuthority("ROLE_EDITOR")));
		Authentication result = new DingTalkAuthenticationProvider(this.userApi, mapper, false)
			.authenticate(DingTalkAuthenticationToken.unauthenticated("c"));
		assertThat(result.getPrincipal()).isEqualTo("account-7");
		assertThat(result.getName()).isEqualTo("zhangsan");
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_EDITOR");
	}

	@Test
	void authenticateWhenMapperThrowsRuntimeExceptionThenServiceException() {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		DingTalkUserMapper broken = (user) -> {
			throw new IllegalStateException("bug");
		};
		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> new DingTalkAuthenticationProvider(this.userApi, broken, false)
				.authenticate(DingTalkAuthenticationToken.unauthenticated("c")));
	}

	@Test
	void supportsOnlyDingTalkTokens() {
		assertThat(provider(true).supports(DingTalkAuthenticationToken.class)).isTrue();
		assertThat(provider(true).supports(UsernamePasswordAuthenticationToken.class)).isFalse();
	}

	@Test
	void authenticatedTokenSurvivesSerialization() throws Exception {
		dingTalk.stubPost(GET_USER_INFO, USER_INFO);
		dingTalk.stubPost(USER_GET, USER);
		Authentication result = provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("c"));
		Object copy = roundTrip(result);
		assertThat(copy).isEqualTo(result);
		assertThat(((Authentication) copy).getName()).isEqualTo("zhangsan");
		assertThat(((Authentication) copy).getPrincipal()).isEqualTo(result.getPrincipal());
	}

	@Test
	void loginRequestNeverShowsTheCode() {
		DingTalkAuthenticationToken request = DingTalkAuthenticationToken.unauthenticated("secret-code");
		assertThat(request.toString()).doesNotContain("secret-code");
		assertThat(request.isAuthenticated()).isFalse();
		request.eraseCredentials();
		assertThat(request.getCredentials()).isNull();
	}

	@Test
	void loginRequestCannotBeMarkedAuthenticated() {
		DingTalkAuthenticationToken request = DingTalkAuthenticationToken.unauthenticated("c");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> request.setAuthenticated(true));
	}

	@Test
	void codeNeverAppearsInLogsOrMessages(CapturedOutput output) {
		dingTalk.stubPost(GET_USER_INFO, "{\"errcode\":40078,\"errmsg\":\"nonexistent temp auth code\"}");
		Logger logger = (Logger) LoggerFactory.getLogger("io.dingboot");
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		try {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("Zq7secretCode")))
				.satisfies((ex) -> assertThat(ex.getMessage() + ex.getCause().getMessage()).doesNotContain("Zq7secretCode"));
			dingTalk.server().stubFor(post(urlPathEqualTo(GET_USER_INFO)).willReturn(aResponse().withStatus(502)));
			assertThatExceptionOfType(AuthenticationServiceException.class)
				.isThrownBy(() -> provider(true).authenticate(DingTalkAuthenticationToken.unauthenticated("Zq7secretCode")));
		}
		finally {
			logger.setLevel(level);
		}
		assertThat(output).contains("DingTalk free login failed").doesNotContain("Zq7secretCode");
	}

	private DingTalkAuthenticationProvider provider(boolean fetchDetails) {
		return new DingTalkAuthenticationProvider(this.userApi, DingTalkUserMapper.defaults(), fetchDetails);
	}

	private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

}
