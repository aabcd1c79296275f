package io.dingboot.autoconfigure;


import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackFailedResultApi;
import io.dingboot.callback.DingTalkCallbackCrypto;
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
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link DingTalkCallbackAutoConfiguration}.
 */
class DingTalkCallbackAutoConfigurationTests {

	private static final String AES_KEY = "abcdefghijABCDEFGHIJ0123456789abcdefghijABC";

	private static final String[] ENABLED = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
			"dingtalk.callback.aes-key=" + AES_KEY, "dingtalk.app-key=dingappkey", "dingtalk.app-secret=dummy" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
				DingTalkCallbackFailedResultAutoConfiguration.class));

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
				.getUrlMappings()).containsExactly("/dingtalk/callback");
		});
	}

	@Test
	void pathIsConfigurable() {
		this.runner.withPropertyValues(ENABLED).withPropertyValues("dingtalk.callback.path=/hooks/ding").run((context) ->
				assertThat(context.getBean("dingTalkCallbackServletRegistration", ServletRegistrationBean.class)
					.getUrlMappings()).containsExactly("/hooks/ding"));
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
