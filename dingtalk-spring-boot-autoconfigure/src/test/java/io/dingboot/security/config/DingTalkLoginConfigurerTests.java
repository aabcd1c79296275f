package io.dingboot.security.config;

import java.util.ArrayList;
import java.util.List;

import io.dingboot.security.DingTalkStub;
import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUserMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The configurer in an application's own chain, next to form login, with a mapper bean.
 */
@SpringBootTest(classes = DingTalkLoginConfigurerTests.App.class, properties = "dingtalk.login.fetch-user-details=false")
@AutoConfigureMockMvc
class DingTalkLoginConfigurerTests {

	@RegisterExtension
	static final DingTalkStub dingTalk = new DingTalkStub();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Events events;

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		dingTalk.register(registry);
	}

	@BeforeEach
	void reset() {
		this.events.received.clear();
	}

	@Test
	void loginAtConfiguredUrlThenSessionHoldsMappedAuthenticationAndIdChanges() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcResult result = this.mvc
			.perform(post("/auth/dingtalk").session(session).with(sessionCookie(session)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"good-code\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userid").value("zhangsan"))
			.andExpect(jsonPath("$.authorities[0]").value("ROLE_APP_USER"))
			.andExpect(authenticated().withUsername("zhangsan"))
			.andReturn();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
		assertThat(result.getRequest().getSession()
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNotNull();
		this.mvc.perform(get("/api/me").session((MockHttpSession) result.getRequest().getSession()))
			.andExpect(status().isOk())
			.andExpect(content().string("zhangsan"));
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
		assertThat(dingTalk.userGetCalls()).isZero();
	}

	/**
	 * What a browser's session cookie gives a real request: a requested session id that is valid
	 * (Spring Security changes the id of such a session only).
	 */
	private static RequestPostProcessor sessionCookie(MockHttpSession session) {
		return (request) -> {
			request.setRequestedSessionId(session.getId());
			request.setRequestedSessionIdValid(true);
			return request;
		};
	}

	@Test
	void loginPublishesStandardSuccessEvent() throws Exception {
		this.mvc.perform(post("/auth/dingtalk").with(csrf()).param("code", "good-code")).andExpect(status().isFound());
		assertThat(this.events.received).hasAtLeastOneElementOfType(AuthenticationSuccessEvent.class);
	}

	@Test
	void usedCodePublishesBadCredentialsEventAndAnswers401() throws Exception {
		this.mvc.perform(post("/auth/dingtalk").with(csrf()).param("code", "used-code"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_code"))
			.andExpect(unauthenticated());
		assertThat(this.events.received).hasAtLeastOneElementOfType(AuthenticationFailureBadCredentialsEvent.class);
		assertThat(dingTalk.getUserInfoCalls()).isEqualTo(1);
	}

	@Test
	void loginWithoutCsrfTokenIsRefusedWithoutCallingDingTalk() throws Exception {
		this.mvc.perform(post("/auth/dingtalk").param("code", "good-code"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void defaultProcessingUrlIsNotUsedWhenAnotherIsConfigured() throws Exception {
		this.mvc.perform(post("/login/dingtalk").with(csrf()).param("code", "good-code"))
			.andExpect(unauthenticated());
		assertThat(dingTalk.allCalls()).isZero();
	}

	@Test
	void scriptRequestWithoutLoginGets401JsonWhileBrowserKeepsFormLoginRedirect() throws Exception {
		this.mvc.perform(get("/api/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("unauthenticated"));
		this.mvc.perform(get("/api/me").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void formLoginOfTheSameChainStillWorks() throws Exception {
		this.mvc.perform(post("/login").with(csrf()).param("username", "user").param("password", "pw"))
			.andExpect(authenticated().withUsername("user"));
	}

	@Test
	void settersRefuseInvalidValues() {
		DingTalkLoginConfigurer configurer = DingTalkLoginConfigurer.dingTalkLogin();
		assertThatIllegalArgumentException().isThrownBy(() -> configurer.processingUrl("login"));
		assertThatIllegalArgumentException().isThrownBy(() -> configurer.processingUrl(null));
		assertThatIllegalArgumentException().isThrownBy(() -> configurer.successHandler(null));
		assertThatIllegalArgumentException().isThrownBy(() -> configurer.failureHandler(null));
		assertThatIllegalArgumentException().isThrownBy(() -> configurer.userMapper(null));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(DingTalkLoginConfigurer.dingTalkLogin().processingUrl("/auth/dingtalk"), withDefaults())
				.formLogin(withDefaults());
			return http.build();
		}

		@Bean
		org.springframework.security.core.userdetails.UserDetailsService users() {
			return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
					org.springframework.security.core.userdetails.User.withUsername("user")
						.password("{noop}pw")
						.roles("FORM")
						.build());
		}

		@Bean
		DingTalkUserMapper appMapper() {
			return (user) -> DingTalkAuthenticationToken.authenticated(user,
					List.<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_APP_USER")));
		}

		@Bean
		Me me() {
			return new Me();
		}

		@Bean
		Events events() {
			return new Events();
		}

	}

	@RestController
	static class Me {

		@GetMapping("/api/me")
		String me(Authentication authentication) {
			return authentication.getName();
		}

	}

	static class Events {

		final List<AbstractAuthenticationEvent> received = new ArrayList<>();

		@EventListener
		void on(AbstractAuthenticationEvent event) {
			this.received.add(event);
		}

	}

}
