package io.dingboot.security.config;

import io.dingboot.security.DingTalkStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DingBoot's default chain ({@code dingtalk.login.enabled=true}, no chain of the application's own)
 * through MockMvc.
 */
@SpringBootTest(classes = DingTalkDefaultSecurityChainTests.App.class,
		properties = { "dingtalk.login.enabled=true", "dingtalk.login.processing-url=/auth/ding",
				"dingtalk.jsapi.enabled=true", "dingtalk.corp-id=dingcorp", "dingtalk.agent-id=7" })
@AutoConfigureMockMvc
class DingTalkDefaultSecurityChainTests {

	@RegisterExtension
	static final DingTalkStub dingTalk = new DingTalkStub();

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		dingTalk.register(registry);
	}

	@Test
	void apiRequestWithoutLoginGets401JsonAndACsrfCookie() throws Exception {
		this.mvc.perform(get("/api/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("unauthenticated"))
			.andExpect(cookie().exists("XSRF-TOKEN"));
		this.mvc.perform(get("/api/me").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("unauthenticated"));
	}

	@Test
	void pageWithoutLoginGets401NotARedirect() throws Exception {
		this.mvc.perform(get("/api/me").accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized());
	}

	@Test
	void entryPageStaticResourcesAndDdConfigAreReachableBeforeLogin() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		this.mvc.perform(get("/js/app.js")).andExpect(status().isNotFound());
		this.mvc.perform(get("/dingtalk/jsapi/config").param("url", "http://localhost/"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agentId").value("7"));
	}

	@Test
	void loginAtConfiguredUrlThenSessionWorksThenLogoutEndsIt() throws Exception {
		MvcResult login = this.mvc
			.perform(post("/auth/ding").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ok\"}"))
			.andExpect(status().isOk())
			.andExpect(authenticated().withUsername("zhangsan").withRoles("DINGTALK_USER", "DINGTALK_ADMIN"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		int calls = dingTalk.allCalls();
		this.mvc.perform(get("/api/me").session(session)).andExpect(status().isOk()).andExpect(content().string("zhangsan"));
		assertThat(dingTalk.allCalls()).isEqualTo(calls);
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().isNoContent());
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/auth/ding").param("code", "ok")).andExpect(status().isForbidden());
		assertThat(dingTalk.allCalls()).isZero();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Me me() {
			return new Me();
		}

	}

	@RestController
	static class Me {

		@GetMapping("/api/me")
		String me(Authentication authentication) {
			return authentication.getName();
		}

	}

}
