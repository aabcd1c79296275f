package io.dingboot.autoconfigure;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.security.authentication.DingTalkAuthenticationProvider;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.config.DingTalkLoginSettings;
import io.dingboot.security.web.DingTalkLoginFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static io.dingboot.autoconfigure.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DingTalkLoginAutoConfigurationTests {

	private static final String GENERATED_PASSWORD = "Using generated security password";

	private static final FilteredClassLoader WITHOUT_OAUTH2_CLIENT = new FilteredClassLoader(
			"org.springframework.security.oauth2.client");

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
				DingTalkLoginAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s");

	@Test
	void whenLoginIsOffThenSettingsAndMapperExistButBootKeepsItsDefaultChain() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DingTalkLoginSettings.class)
				.hasSingleBean(DingTalkUserMapper.class)
				.hasSingleBean(SecurityFilterChain.class)
				.doesNotHaveBean("dingTalkSecurityFilterChain");
			assertThat(context.getBean(DingTalkLoginSettings.class)).isEqualTo(DingTalkLoginSettings.DEFAULTS);
			assertThat(hasLoginFilter(context.getBean(SecurityFilterChain.class))).isFalse();
		});
	}

	@Test
	void whenLoginIsOnThenDingTalkChainReplacesBootsDefault() {
		this.runner.withPropertyValues("dingtalk.login.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class).hasBean("dingTalkSecurityFilterChain");
			assertThat(hasLoginFilter(context.getBean(SecurityFilterChain.class))).isTrue();
		});
	}

	@Test
	void whenLoginAndCallbacksAreOnThenBothChainsExistAndCallbacksComeFirst() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkCallbackAutoConfiguration.class))
			.withPropertyValues("dingtalk.login.enabled=true", "dingtalk.callback.enabled=true",
					"dingtalk.callback.token=123456",
					"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean("dingTalkSecurityFilterChain")
					.hasBean("dingTalkCallbackSecurityFilterChain");
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
			});
	}

	@Test
	void whenLoginIsOnAndApplicationHasAChainThenItIsKeptAndNoneIsAdded() {
		this.runner.withPropertyValues("dingtalk.login.enabled=true")
			.withUserConfiguration(UserChain.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class).hasBean("userChain");
				assertThat(context).doesNotHaveBean("dingTalkSecurityFilterChain");
			});
	}

	@Test
	void whenDingTalksDefaultChainIsActiveThenBootsGeneratedUserBacksOff(CapturedOutput output) {
		this.runner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("dingtalk.login.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean("dingTalkSecurityFilterChain")
					.doesNotHaveBean(UserDetailsService.class)
					.hasSingleBean(AuthenticationManager.class);
				assertThat(context.getBean("dingTalkAuthenticationManager", ProviderManager.class).getProviders())
					.singleElement()
					.isInstanceOf(DingTalkAuthenticationProvider.class);
			});
		assertThat(output).doesNotContain(GENERATED_PASSWORD);
	}

	@Test
	void whenLoginIsOffThenBootsGeneratedUserIsUnchanged(CapturedOutput output) {
		// Boot generates its user only without the OAuth2 client on the classpath
		this.runner.withClassLoader(WITHOUT_OAUTH2_CLIENT)
			.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryUserDetailsManager.class)
				.doesNotHaveBean("dingTalkAuthenticationManager"));
		assertThat(output).contains(GENERATED_PASSWORD);
	}

	@Test
	void whenTheApplicationHasItsOwnChainThenBootsUserSetupIsUnchanged(CapturedOutput output) {
		// Boot generates its user only without the OAuth2 client on the classpath
		this.runner.withClassLoader(WITHOUT_OAUTH2_CLIENT)
			.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("dingtalk.login.enabled=true")
			.withUserConfiguration(UserChain.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InMemoryUserDetailsManager.class)
				.doesNotHaveBean("dingTalkAuthenticationManager"));
		assertThat(output).contains(GENERATED_PASSWORD);
	}

	@Test
	void whenTheApplicationHasItsOwnUsersThenTheDefaultChainKeepsThemAndAddsNoManager(CapturedOutput output) {
		this.runner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("dingtalk.login.enabled=true")
			.withUserConfiguration(UserUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean("dingTalkSecurityFilterChain")
					.doesNotHaveBean("dingTalkAuthenticationManager");
				assertThat(context).getBean(UserDetailsService.class).isSameAs(context.getBean("userUsers"));
			});
		assertThat(output).doesNotContain(GENERATED_PASSWORD);
	}

	@Test
	void propertiesBecomeTheConfigurersSettings() {
		this.runner.withPropertyValues("dingtalk.login.processing-url=/auth/ding", "dingtalk.login.fetch-user-details=false")
			.run((context) -> assertThat(context.getBean(DingTalkLoginSettings.class))
				.isEqualTo(new DingTalkLoginSettings("/auth/ding", false)));
	}

	@Test
	void userMapperWins() {
		this.runner.withUserConfiguration(UserMapper.class)
			.run((context) -> assertThat(context.getBean(DingTalkUserMapper.class)).isSameAs(context.getBean("myMapper")));
	}

	@Test
	void withoutSpringSecurityThenNothingIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpSecurity.class))
			.withPropertyValues("dingtalk.login.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DingTalkLoginSettings.class)
				.doesNotHaveBean(DingTalkUserMapper.class));
	}

	@Test
	void outsideAServletWebApplicationThenNothingIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
					DingTalkLoginAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.login.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkLoginSettings.class));
	}

	@Test
	void whenLoginIsOnWithoutCredentialsThenFailsNamingAppKey() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
					DingTalkLoginAutoConfiguration.class, SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class))
			.withPropertyValues("dingtalk.login.enabled=true")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction()).contains("'dingtalk.app-key'"));
	}

	@Test
	void whenProcessingUrlIsNotAPathThenFailsNamingIt() {
		this.runner.withPropertyValues("dingtalk.login.processing-url=login/dingtalk")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("'dingtalk.login.processing-url'"));
	}

	private final WebApplicationContextRunner appsRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
				DingTalkAppsAutoConfiguration.class, DingTalkLoginAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("dingtalk.apps.hr.app-key=hrk", "dingtalk.apps.hr.app-secret=hrs",
				"dingtalk.apps.hr.corp-id=dinghrcorp");

	@Test
	void whenLoginIsOnThenTheDefaultAppAndEveryNamedAppLogUsersIn() {
		this.appsRunner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
				"dingtalk.login.enabled=true").run((context) -> {
					assertThat(context).hasNotFailed().hasBean("dingTalkSecurityFilterChain");
					DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
					assertThat(apps.find("default")).isNotNull()
						.satisfies((app) -> assertThat(app.corpId()).isEqualTo("dingcorp"));
					assertThat(apps.find("hr")).isNotNull().satisfies((app) -> {
						assertThat(app.name()).isEqualTo("hr");
						assertThat(app.corpId()).isEqualTo("dinghrcorp");
						assertThat(app.users()).isSameAs(context.getBean(DingTalkApps.class).get("hr").users());
					});
					assertThat(apps.find("nosuch")).isNull();
				});
	}

	@Test
	void whenAnAppSwitchesLoginOffThenItAloneIsLeftOut() {
		this.appsRunner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.login.enabled=true",
				"dingtalk.apps.hr.login.enabled=false").run((context) -> {
					DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
					assertThat(apps.find("default")).isNotNull();
					assertThat(apps.find("hr")).isNull();
				});
	}

	@Test
	void whenOnlyANamedAppSwitchesLoginOnThenTheDefaultChainServesThatAppAlone() {
		this.appsRunner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
				"dingtalk.apps.hr.login.enabled=true").run((context) -> {
					assertThat(context).hasNotFailed().hasBean("dingTalkSecurityFilterChain");
					assertThat(hasLoginFilter(context.getBean(SecurityFilterChain.class))).isTrue();
					DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
					assertThat(apps.find("hr")).isNotNull();
					assertThat(apps.find("default")).isNull();
				});
	}

	@Test
	void whenNoSwitchIsOnThenAChainOfTheApplicationsOwnServesEveryApp() {
		this.appsRunner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("dingTalkSecurityFilterChain");
			DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
			assertThat(apps.find("default")).isNotNull();
			assertThat(apps.find("hr")).isNotNull();
		});
	}

	@Test
	void withNamedAppsOnlyAndLoginOnThenItStartsWithoutTheDefaultApp() {
		this.appsRunner.withPropertyValues("dingtalk.login.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed().hasBean("dingTalkSecurityFilterChain");
			DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
			assertThat(apps.find("default")).isNull();
			assertThat(apps.find("hr")).isNotNull();
		});
	}

	@Test
	void anAppRegisteredAtRuntimeLogsUsersInFromItsRegistration() {
		this.appsRunner.withPropertyValues("dingtalk.login.enabled=true").run((context) -> {
			DingTalkLoginApps apps = context.getBean(DingTalkLoginApps.class);
			assertThat(apps.find("late")).isNull();
			context.getBean(DingTalkApps.class)
				.register("late", DingTalkAppSettings.of("latek", "lates").withCorpId("dinglatecorp"));
			assertThat(apps.find("late")).isNotNull()
				.satisfies((app) -> assertThat(app.corpId()).isEqualTo("dinglatecorp"));
			context.getBean(DingTalkApps.class).remove("late");
			assertThat(apps.find("late")).isNull();
		});
	}

	@Test
	void loginAppsOfTheApplicationWin() {
		this.appsRunner.withPropertyValues("dingtalk.login.enabled=true")
			.withBean("myLoginApps", DingTalkLoginApps.class, () -> (name) -> null)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(DingTalkLoginApps.class)
				.isSameAs(context.getBean("myLoginApps")));
	}

	private static boolean hasLoginFilter(SecurityFilterChain chain) {
		return chain.getFilters().stream().anyMatch(DingTalkLoginFilter.class::isInstance);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserUsers {

		@Bean
		UserDetailsService userUsers() {
			return new InMemoryUserDetailsManager(User.withUsername("ops").password("{noop}pw").roles("OPS").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChain {

		@Bean
		SecurityFilterChain userChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMapper {

		@Bean
		DingTalkUserMapper myMapper() {
			return DingTalkUserMapper.defaults();
		}

	}

}
