package io.dingboot.security.web;

import java.util.ArrayList;
import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkError;
import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkLoginApp;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DingTalkLoginFilterTests {

	private final List<String> codes = new ArrayList<>();

	private RuntimeException failure;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		AuthenticationManager manager = (authentication) -> {
			this.codes.add((String) authentication.getCredentials());
			if (this.failure != null) {
				throw this.failure;
			}
			DingTalkUser user = DingTalkUser.of("zhangsan", "张三");
			return DingTalkAuthenticationToken.authenticated(user, DingTalkUserMapper.defaultAuthorities(user));
		};
		DingTalkLoginFilter filter = new DingTalkLoginFilter("/login/dingtalk");
		filter.setAuthenticationManager(manager);
		filter.setAuthenticationSuccessHandler(new DingTalkAuthenticationSuccessHandler());
		filter.setAuthenticationFailureHandler(new DingTalkAuthenticationFailureHandler());
		this.mvc = MockMvcBuilders.standaloneSetup(new Echo()).addFilters(filter).build();
	}

	@Test
	void withLoginAppsEachAppAnswersAtItsOwnUrlAndAnUnknownOneIs404BeforeTheCodeIsRead() throws Exception {
		List<String> apps = new ArrayList<>();
		DingTalkLoginFilter filter = new DingTalkLoginFilter("/login/dingtalk",
				(name) -> name.equals("default") || name.equals("hr")
						? new DingTalkLoginApp(name, null, new io.dingboot.user.UserApi(null))
						: null);
		filter.setAuthenticationManager((authentication) -> {
			apps.add(((DingTalkAuthenticationToken) authentication).getAppName());
			DingTalkUser user = DingTalkUser.of("zhangsan", "张三");
			return DingTalkAuthenticationToken.authenticated(user, DingTalkUserMapper.defaultAuthorities(user));
		});
		filter.setAuthenticationSuccessHandler(new DingTalkAuthenticationSuccessHandler());
		filter.setAuthenticationFailureHandler(new DingTalkAuthenticationFailureHandler());
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo()).addFilters(filter).build();
		mvc.perform(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"a\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/login/dingtalk/hr").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"b\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/login/dingtalk/oa").contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isNotFound())
			.andExpect(content().json(
					"{\"error\":\"unknown_app\",\"message\":\"No DingTalk app logs users in at this URL\"}", true));
		assertThat(apps).containsExactly("default", "hr");
	}

	@Test
	void formPostWithCodeThenAuthenticatesAndRedirectsBrowser() throws Exception {
		this.mvc.perform(post("/login/dingtalk").param("code", "abc123"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
		assertThat(this.codes).containsExactly("abc123");
	}

	@Test
	void jsonPostWithCodeThenAnswersUserView() throws Exception {
		this.mvc.perform(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"abc123\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.userid").value("zhangsan"))
			.andExpect(jsonPath("$.name").value("张三"))
			.andExpect(jsonPath("$.admin").value(false))
			.andExpect(jsonPath("$.authorities[0]").value("ROLE_DINGTALK_USER"));
		assertThat(this.codes).containsExactly("abc123");
	}

	@Test
	void xhrFormPostThenAnswersJson() throws Exception {
		this.mvc.perform(post("/login/dingtalk").param("code", "abc").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userid").value("zhangsan"));
	}

	@Test
	void codeOf128CharactersIsAccepted() throws Exception {
		this.mvc.perform(post("/login/dingtalk").param("code", "a".repeat(128)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		assertThat(this.codes).hasSize(1);
	}

	@Test
	void missingCodeThen400WithoutAuthenticating() throws Exception {
		expectBadRequest(post("/login/dingtalk").accept(MediaType.APPLICATION_JSON));
		expectBadRequest(post("/login/dingtalk").param("code", ""));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{}"));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":null}"));
		assertThat(this.codes).isEmpty();
	}

	@Test
	void codeLongerThan128CharactersThen400WithoutAuthenticating() throws Exception {
		expectBadRequest(post("/login/dingtalk").param("code", "a".repeat(129)));
		assertThat(this.codes).isEmpty();
	}

	@Test
	void codeOutsidePrintableAsciiThen400WithoutAuthenticating() throws Exception {
		expectBadRequest(post("/login/dingtalk").param("code", "中文"));
		expectBadRequest(post("/login/dingtalk").param("code", "a b"));
		expectBadRequest(post("/login/dingtalk").param("code", "a\nb"));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"a\\u0000\"}"));
		assertThat(this.codes).isEmpty();
	}

	@Test
	void malformedJsonThen400WithoutAuthenticating() throws Exception {
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":"));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("{\"code\":42}"));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON).content("[\"abc\"]"));
		expectBadRequest(post("/login/dingtalk").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + "a".repeat(5000) + "\"}"));
		assertThat(this.codes).isEmpty();
	}

	@Test
	void getOfProcessingUrlIsNotALogin() throws Exception {
		this.mvc.perform(get("/login/dingtalk").param("code", "abc")).andExpect(status().isOk())
			.andExpect(content().string("echo"));
		assertThat(this.codes).isEmpty();
	}

	@Test
	void invalidCodeThen401InvalidCode() throws Exception {
		this.failure = new BadCredentialsException("bad", dingTalkError(40078, 200));
		this.mvc.perform(post("/login/dingtalk").param("code", "used"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.error").value("invalid_code"))
			.andExpect(jsonPath("$.message").isString());
	}

	@Test
	void throttledThen503WithRetryAfter() throws Exception {
		this.failure = new AuthenticationServiceException("x", dingTalkError(90018, 200));
		this.mvc.perform(post("/login/dingtalk").param("code", "c"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.error").value("dingtalk_throttled"));
	}

	@Test
	void unreachableThen503WithoutRetryAfter() throws Exception {
		this.failure = new AuthenticationServiceException("x",
				DingTalkApiException.transport("/topapi/v2/user/getuserinfo", "timed out", null));
		this.mvc.perform(post("/login/dingtalk").param("code", "c"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.error").value("dingtalk_unavailable"));
	}

	@Test
	void otherDingTalkErrorThen502() throws Exception {
		this.failure = new AuthenticationServiceException("x", dingTalkError(60020, 200));
		this.mvc.perform(post("/login/dingtalk").param("code", "c"))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.error").value("dingtalk_error"));
	}

	@Test
	void refusedByApplicationThen401LoginRefused() throws Exception {
		this.failure = new DisabledException("no account for zhangsan");
		this.mvc.perform(post("/login/dingtalk").param("code", "c"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("login_refused"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("zhangsan"))));
	}

	@Test
	void brokenMapperThen500JsonWithoutStackTrace() throws Exception {
		this.failure = new AuthenticationServiceException("mapper", new IllegalStateException("bug"));
		this.mvc.perform(post("/login/dingtalk").param("code", "c"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.error").value("login_failed"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bug"))));
	}

	private void expectBadRequest(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	private static DingTalkApiException dingTalkError(int code, int status) {
		return DingTalkApiException.ofAnswer("/topapi/v2/user/getuserinfo",
				new DingTalkError(code, "err", null, null, null), status, "DingTalk failed: errcode " + code);
	}

	@RestController
	static class Echo {

		@RequestMapping("/login/dingtalk")
		String echo() {
			return "echo";
		}

	}

}
