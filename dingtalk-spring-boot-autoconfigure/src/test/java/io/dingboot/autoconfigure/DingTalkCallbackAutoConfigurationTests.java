package io.dingboot.autoconfigure;

import java.util.Set;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackFailedResultApi;
import io.dingboot.callback.CallbackFailedResultApis;
import io.dingboot.callback.DingTalkCallbackCrypto;
import io.dingboot.callback.DingTalkCallbackServlet;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link DingTalkCallbackAutoConfiguration}.
 */
class DingTalkCallbackAutoConfigurationTests {

	private static final String AES_KEY = "abcdefghijABCDEFGHIJ0123456789abcdefghijABC";

	private static final String HR_AES_KEY = "hrhrhrhrhrABCDEFGHIJ0123456789abcdefghijABC";

	private static final String OA_AES_KEY = "oaoaoaoaoaABCDEFGHIJ0123456789abcdefghijABC";

	private static final String[] ENABLED = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
			"dingtalk.callback.aes-key=" + AES_KEY, "dingtalk.app-key=dingappkey", "dingtalk.app-secret=dummy" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
				DingTalkCallbackFailedResultAutoConfiguration.class));

	private final WebApplicationContextRunner appsRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
				DingTalkCallbackAutoConfiguration.class, DingTalkCallbackFailedResultAutoConfiguration.class));

	private final WebApplicationContextRunner securedRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
				DingTalkCallbackAutoConfiguration.class,
				org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
				org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class));

	@Test
	void callbacksAreOffByDefaultWhileTheFailedResultApiNeedsOnlyCredentials() {
		this.runner.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=dummy").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DingTalkCallbackCrypto.class);
			assertThat(context).doesNotHaveBean(CallbackDispatcher.class);
			assertThat(context).hasSingleBean(CallbackFailedResultApi.class);
			assertThat(context).doesNotHaveBean("dingTalkCallbackServletRegistration");
		});
	}

	@Test
	void enabledRegistersCryptoDeduplicatorDispatcherEndpointAndFailedResultApi() {
		this.runner.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasSingleBean(DingTalkCallbackCrypto.class);
			assertThat(context).getBean(CallbackDeduplicator.class).isInstanceOf(InMemoryCallbackDeduplicator.class);
			assertThat(context).hasSingleBean(CallbackDispatcher.class);
			assertThat(context).hasSingleBean(CallbackFailedResultApi.class);
			assertThat(context.getBean("dingTalkCallbackServletRegistration", ServletRegistrationBean.class)
				.getUrlMappings()).containsExactly("/dingtalk/callback", "/dingtalk/callback/*");
		});
	}

	@Test
	void pathIsConfigurable() {
		this.runner.withPropertyValues(ENABLED).withPropertyValues("dingtalk.callback.path=/hooks/ding").run((context) ->
				assertThat(context.getBean("dingTalkCallbackServletRegistration", ServletRegistrationBean.class)
					.getUrlMappings()).containsExactly("/hooks/ding", "/hooks/ding/*"));
	}

	@Test
	void withoutCredentialsThereIsNoFailedResultApiButTheEndpointWorks() {
		this.runner
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + AES_KEY, "dingtalk.corp-id=dingcorp")
			.run((context) -> {
				assertThat(context).hasSingleBean(CallbackDispatcher.class);
				assertThat(context).hasBean("dingTalkCallbackServletRegistration");
				assertThat(context).doesNotHaveBean(CallbackFailedResultApi.class);
			});
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues(ENABLED).withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(CallbackDeduplicator.class).isSameAs(UserBeans.DEDUPLICATOR);
			assertThat(context).getBean(DingTalkCallbackCrypto.class).isSameAs(UserBeans.CRYPTO);
		});
	}

	@Test
	void nonWebApplicationGetsTheDispatcherButNoEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class))
			.withPropertyValues(ENABLED)
			.run((context) -> {
				assertThat(context).hasSingleBean(CallbackDispatcher.class);
				assertThat(context).doesNotHaveBean("dingTalkCallbackServletRegistration");
			});
	}

	@Test
	void withSpringSecurityTheCallbackChainIsAddedNextToBootsDefaultChain() {
		this.securedRunner.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsKey("dingTalkCallbackSecurityFilterChain")
				.hasSize(2);
		});
	}

	@Test
	void withoutSpringSecurityThereIsNoCallbackChain() {
		this.runner.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("dingTalkCallbackSecurityFilterChain");
				assertThat(context).hasBean("dingTalkCallbackServletRegistration");
			});
	}

	@Test
	void ownerKeysDefaultToAppKeyAndCorpIdAndAnExplicitSetWins() {
		DingTalkProperties properties = new DingTalkProperties();
		properties.setAppKey("dingappkey");
		properties.setCorpId("dingcorp");
		assertThat(DingTalkCallbackAutoConfiguration.ownerKeys(properties)).containsExactly("dingappkey", "dingcorp");
		properties.getCallback().getOwnerKey().add("suitekey");
		assertThat(DingTalkCallbackAutoConfiguration.ownerKeys(properties)).containsExactly("suitekey");
	}

	@Test
	void missingAesKeyFailsNamingTheProperty() {
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.aes-key=")
			.run(failsOn("dingtalk.callback.aes-key", null));
	}

	@Test
	void aesKeyOfWrongLengthFailsWithoutShowingTheKey() {
		String wrong = AES_KEY.substring(0, 42);
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.aes-key=" + wrong)
			.run(failsOn("dingtalk.callback.aes-key", wrong));
	}

	@Test
	void aesKeyWithIllegalCharacterFails() {
		String wrong = AES_KEY.substring(0, 42) + "+";
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.aes-key=" + wrong)
			.run(failsOn("dingtalk.callback.aes-key", wrong));
	}

	@Test
	void missingTokenFailsNamingTheProperty() {
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.token=")
			.run(failsOn("dingtalk.callback.token", AES_KEY));
	}

	@Test
	void noOwnerKeyFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + AES_KEY)
			.run(failsOn("dingtalk.callback.owner-key", AES_KEY));
	}

	@Test
	void wildcardPathFailsNamingTheProperty() {
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.path=/callbacks/*")
			.run(failsOn("dingtalk.callback.path", AES_KEY));
	}

	@Test
	void zeroDedupeWindowFailsNamingTheProperty() {
		this.runner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.callback.dedupe-window=0s")
			.run(failsOn("dingtalk.callback.dedupe-window", AES_KEY));
	}

	@Test
	void everyAppWithCallbackSettingsGetsItsOwnPathUnderTheCallbackPath() {
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues(app("hr", HR_AES_KEY)).withPropertyValues(app("oa", OA_AES_KEY))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(servlet(context).appNames()).containsExactly("default", "hr", "oa");
				assertThat(context).hasSingleBean(DingTalkCallbackCrypto.class);
				assertThat(context).hasSingleBean(CallbackFailedResultApi.class);
				assertThat(context.getBean(CallbackFailedResultApis.class).forApp("hr").appName()).isEqualTo("hr");
			});
	}

	@Test
	void appWithoutCallbackSettingsIsLeftOutQuietly() {
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues(app("hr", HR_AES_KEY))
			.withPropertyValues("dingtalk.apps.robot.app-key=dingrobotkey", "dingtalk.apps.robot.app-secret=s")
			.run((context) -> assertThat(servlet(context).appNames()).containsExactly("default", "hr"));
	}

	@Test
	void appCallbackEnabledFalseLeavesThatAppOutEvenWithItsSettings() {
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues(app("hr", HR_AES_KEY)).withPropertyValues(app("oa", OA_AES_KEY))
			.withPropertyValues("dingtalk.apps.oa.callback.enabled=false")
			.run((context) -> assertThat(servlet(context).appNames()).containsExactly("default", "hr"));
	}

	@Test
	void appCallbackEnabledTrueOpensThatAppWhileTheTopLevelSwitchIsOff() {
		this.appsRunner.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=dummy")
			.withPropertyValues(app("hr", HR_AES_KEY)).withPropertyValues(app("oa", OA_AES_KEY))
			.withPropertyValues("dingtalk.apps.hr.callback.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(servlet(context).appNames()).containsExactly("hr");
				assertThat(context).doesNotHaveBean(DingTalkCallbackCrypto.class);
			});
	}

	@Test
	void callbacksStayOffWhenNoSwitchIsOnAlthoughAppsHaveSettings() {
		this.appsRunner.withPropertyValues(app("hr", HR_AES_KEY)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CallbackDispatcher.class);
			assertThat(context).doesNotHaveBean("dingTalkCallbackServletRegistration");
			assertThat(context).hasSingleBean(CallbackFailedResultApis.class);
		});
	}

	@Test
	void applicationWithNamedAppsOnlyAnswersForThoseApps() {
		this.appsRunner.withPropertyValues("dingtalk.callback.enabled=true")
			.withPropertyValues(app("hr", HR_AES_KEY)).withPropertyValues(app("oa", OA_AES_KEY))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(servlet(context).appNames()).containsExactly("hr", "oa");
				assertThat(context).doesNotHaveBean(DingTalkCallbackCrypto.class);
				assertThat(context).doesNotHaveBean(CallbackFailedResultApi.class);
				assertThat(context.getBean(CallbackFailedResultApis.class).forApp("oa").appName()).isEqualTo("oa");
			});
	}

	@Test
	void callbacksOnWithoutAnyAppSettingsFailNamingTheTopLevelAesKey() {
		this.appsRunner.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.app-key=dingappkey",
				"dingtalk.app-secret=dummy", "dingtalk.apps.hr.app-key=dinghr", "dingtalk.apps.hr.app-secret=s")
			.run(failsOn("dingtalk.callback.aes-key", null));
	}

	@Test
	void enabledAppWithoutAesKeyFailsNamingItsProperty() {
		this.appsRunner.withPropertyValues("dingtalk.apps.hr.app-key=dinghr", "dingtalk.apps.hr.app-secret=s",
				"dingtalk.apps.hr.callback.enabled=true", "dingtalk.apps.hr.callback.token=hrt0ken")
			.run(failsOn("dingtalk.apps.hr.callback.aes-key", null));
	}

	@Test
	void appWithTokenButNoAesKeyFailsNamingItsAesKeyWhenTheTopLevelSwitchIsOn() {
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghr", "dingtalk.apps.hr.app-secret=s",
					"dingtalk.apps.hr.callback.token=hrt0ken")
			.run(failsOn("dingtalk.apps.hr.callback.aes-key", null));
	}

	@Test
	void appWithMalformedAesKeyFailsNamingItsPropertyWithoutShowingTheKey() {
		String wrong = HR_AES_KEY.substring(0, 40);
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues(app("hr", wrong))
			.run(failsOn("dingtalk.apps.hr.callback.aes-key", wrong));
	}

	@Test
	void appWithAesKeyButNoTokenFailsNamingItsToken() {
		this.appsRunner.withPropertyValues(ENABLED)
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghr", "dingtalk.apps.hr.app-secret=s",
					"dingtalk.apps.hr.callback.aes-key=" + HR_AES_KEY)
			.run(failsOn("dingtalk.apps.hr.callback.token", HR_AES_KEY));
	}

	@Test
	void appOwnerKeysDefaultToItsOwnAppKeyAndCorpIdAndAnExplicitSetWins() {
		DingTalkProperties properties = new DingTalkProperties();
		properties.setAppKey("dingdefault");
		DingTalkProperties.App hr = new DingTalkProperties.App();
		hr.setAppKey("dinghr");
		hr.setCorpId("dingcorphr");
		hr.getCallback().setToken("hrt0ken");
		hr.getCallback().setAesKey(HR_AES_KEY);
		DingTalkProperties.App oa = new DingTalkProperties.App();
		oa.setAppKey("dingoa");
		oa.getCallback().setToken("oat0ken");
		oa.getCallback().setAesKey(OA_AES_KEY);
		oa.getCallback().getOwnerKey().add("suiteoa");
		properties.getApps().put("hr", hr);
		properties.getApps().put("oa", oa);
		properties.getCallback().setEnabled(true);
		assertThat(CallbackParticipants.of(properties)).extracting(CallbackParticipants.Participant::name,
				CallbackParticipants.Participant::ownerKeys)
			.containsExactly(tuple("hr", Set.of("dinghr", "dingcorphr")), tuple("oa", Set.of("suiteoa")));
	}

	@Test
	void withSpringSecurityTheCallbackChainCoversEveryAppsPath() {
		this.securedRunner.withPropertyValues(ENABLED).withPropertyValues(app("hr", HR_AES_KEY)).run((context) -> {
			assertThat(context).hasNotFailed();
			SecurityFilterChain chain = context.getBean("dingTalkCallbackSecurityFilterChain", SecurityFilterChain.class);
			assertThat(chain.matches(post("/dingtalk/callback"))).isTrue();
			assertThat(chain.matches(post("/dingtalk/callback/hr"))).isTrue();
			assertThat(chain.matches(post("/dingtalk/callbacks"))).isFalse();
			assertThat(chain.matches(post("/other"))).isFalse();
		});
	}

	private static MockHttpServletRequest post(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServletPath(path);
		return request;
	}

	private static DingTalkCallbackServlet servlet(AssertableWebApplicationContext context) {
		ServletRegistrationBean<?> registration = context.getBean("dingTalkCallbackServletRegistration",
				ServletRegistrationBean.class);
		assertThat(registration.getUrlMappings()).containsExactly("/dingtalk/callback", "/dingtalk/callback/*");
		return (DingTalkCallbackServlet) registration.getServlet();
	}

	private static String[] app(String name, String aesKey) {
		String prefix = "dingtalk.apps." + name + ".";
		return new String[] { prefix + "app-key=ding" + name + "key", prefix + "app-secret=dummy",
				prefix + "callback.token=" + name + "t0ken", prefix + "callback.aes-key=" + aesKey };
	}

	private static ContextConsumer<AssertableWebApplicationContext> failsOn(String property, String secret) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getAction()).contains(property);
			assertThat(analysis.getDescription()).contains(property);
			if (secret != null) {
				assertThat(analysis.getDescription()).doesNotContain(secret);
				assertThat(analysis.getAction()).doesNotContain(secret);
			}
			assertThat(analysis.getDescription()).doesNotContain("t0ken");
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final CallbackDeduplicator DEDUPLICATOR = mock(CallbackDeduplicator.class);

		static final DingTalkCallbackCrypto CRYPTO = new DingTalkCallbackCrypto("other", AES_KEY);

		@Bean
		CallbackDeduplicator userDeduplicator() {
			return DEDUPLICATOR;
		}

		@Bean
		DingTalkCallbackCrypto userCrypto() {
			return CRYPTO;
		}

	}

}
