package io.dingboot.autoconfigure;

import io.dingboot.security.oauth2.DingTalkBrowserLogin;
import io.dingboot.security.oauth2.DingTalkClientRegistrations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import static io.dingboot.autoconfigure.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;

class DingTalkBrowserLoginAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
				DingTalkAppsAutoConfiguration.class, DingTalkLoginAutoConfiguration.class,
				DingTalkBrowserLoginAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("dingtalk.app-key=dingkey", "dingtalk.app-secret=dingsecret", "dingtalk.corp-id=dingcorp");

	@Test
	void withoutTheFlagThereIsNoRegistrationAndNoOauth2Login() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(DingTalkBrowserLogin.class);
		});
	}

	@Test
	void withTheFlagTheDefaultAppIsRegisteredAsDingtalkWithoutScopesForAuthorizationCode() {
		this.runner.withPropertyValues("dingtalk.login.browser.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DingTalkBrowserLogin.class);
			ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
			ClientRegistration registration = repository.findByRegistrationId("dingtalk");
			assertThat(registration.getClientId()).isEqualTo("dingkey");
			assertThat(registration.getClientSecret()).isEqualTo("dingsecret");
			assertThat(registration.getScopes()).isNullOrEmpty();
			assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
			assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
			assertThat(registration.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://login.dingtalk.com/oauth2/auth");
			assertThat(registration.getProviderDetails().getTokenUri())
				.isEqualTo("https://api.dingtalk.com/v1.0/oauth2/userAccessToken");
			assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri())
				.isEqualTo("https://api.dingtalk.com/v1.0/contact/users/me");
			assertThat(context.getBean(DingTalkBrowserLogin.class).dingTalkRegistration().test("dingtalk")).isTrue();
			assertThat(context.getBean(DingTalkBrowserLogin.class).dingTalkRegistration().test("google")).isFalse();
			assertThat(hasOauth2Login(context.getBean(SecurityFilterChain.class))).isTrue();
			DingTalkBrowserLogin login = context.getBean(DingTalkBrowserLogin.class);
			assertThat(context.getBean(OAuth2AccessTokenResponseClient.class)).isSameAs(login.accessTokenResponseClient());
			assertThat(context.getBean(OAuth2UserService.class)).isSameAs(login.userService());
			assertThat(context).hasSingleBean(OAuth2AuthorizationRequestResolver.class);
		});
	}

	@Test
	void everyAppWithCredentialsIsRegisteredByItsNameAndAnAppSwitchedOffIsLeftOut() {
		this.runner
			.withPropertyValues("dingtalk.login.browser.enabled=true", "dingtalk.login.browser.login-base-url=http://login.test/",
					"dingtalk.apps.hr.app-key=hrkey", "dingtalk.apps.hr.app-secret=hrsecret",
					"dingtalk.apps.hr.api-base-url=http://api.test", "dingtalk.apps.ops.app-key=opskey",
					"dingtalk.apps.ops.app-secret=opssecret", "dingtalk.apps.ops.login.browser.enabled=false")
			.run((context) -> {
				ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("dingtalk")).isNotNull();
				ClientRegistration hr = repository.findByRegistrationId("hr");
				assertThat(hr.getClientId()).isEqualTo("hrkey");
				assertThat(hr.getProviderDetails().getAuthorizationUri()).isEqualTo("http://login.test/oauth2/auth");
				assertThat(hr.getProviderDetails().getTokenUri()).isEqualTo("http://api.test/v1.0/oauth2/userAccessToken");
				assertThat(repository.findByRegistrationId("ops")).isNull();
				assertThat(repository.findByRegistrationId("default")).isNull();
			});
	}

	@Test
	void oneAppSwitchedOnAloneIsTheOnlyRegistration() {
		this.runner
			.withPropertyValues("dingtalk.apps.hr.app-key=hrkey", "dingtalk.apps.hr.app-secret=hrsecret",
					"dingtalk.apps.hr.login.browser.enabled=true")
			.run((context) -> {
				ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("hr")).isNotNull();
				assertThat(repository.findByRegistrationId("dingtalk")).isNull();
			});
	}

	@Test
	void anApplicationRegistrationRepositoryWinsAndItsDingTalkIdsStillGetDingTalksSteps() {
		this.runner.withPropertyValues("dingtalk.login.browser.enabled=true")
			.withUserConfiguration(OwnRegistrations.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
				ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
				assertThat(repository).isSameAs(context.getBean("ownRegistrations"));
				assertThat(repository.findByRegistrationId("dingtalk").getClientId()).isEqualTo("own");
				assertThat(context.getBean(DingTalkBrowserLogin.class).dingTalkRegistration().test("dingtalk")).isTrue();
			});
	}

	@Test
	void withoutTheOauth2ClientOnTheClasspathNothingIsRegisteredAndFreeLoginStillWorks() {
		this.runner.withPropertyValues("dingtalk.login.browser.enabled=true", "dingtalk.login.enabled=true")
			.withClassLoader(new FilteredClassLoader(ClientRegistrationRepository.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(DingTalkBrowserLogin.class)
					.hasBean("dingTalkSecurityFilterChain");
			});
	}

	@Test
	void browserLoginWithoutAnyAppKeyFailsNamingTheProperty() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkBrowserLoginAutoConfiguration.class))
			.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=legacy",
					"dingtalk.login.browser.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("dingtalk.login.browser.enabled");
			});
	}

	private static boolean hasOauth2Login(SecurityFilterChain chain) {
		return chain.getFilters().stream().anyMatch(OAuth2LoginAuthenticationFilter.class::isInstance);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		ClientRegistrationRepository ownRegistrations() {
			return new InMemoryClientRegistrationRepository(DingTalkClientRegistrations
				.builder("default", "own", "ownsecret", "http://login.test", "http://api.test")
				.build());
		}

	}

}
