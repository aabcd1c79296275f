package io.dingboot.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.DingTalkApiException;
import io.dingboot.callback.CallbackFailedResultApi;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkRestTemplateCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DingTalkAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class));

	private static final String CLOSED_PORT = "dingtalk.base-url=http://127.0.0.1:9";

	private static final String ONE_ATTEMPT = "dingtalk.retry.max-attempts=1";

	private final ApplicationContextRunner withApp = this.runner.withPropertyValues("dingtalk.app-key=dingkey",
			"dingtalk.app-secret=s3cr3t");

	@Test
	void withCredentialsThenTheJdkHttpClientIsNotBuiltAtStartup() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		this.withApp.withPropertyValues(CLOSED_PORT)
			.withBean(RestClient.Builder.class, RestClient::builder)
			.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkClient.class);
				context.getBean(DingTalkClient.class);
				assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> !before.contains(thread))
					.extracting(Thread::getName)
					.noneMatch((name) -> name.startsWith("HttpClient-"));
			});
	}

	@Test
	void withCredentialsThenTransportClientsAndTokenProviderAreCreatedWhenFirstInjectedNotAtStartup() {
		this.withApp.withPropertyValues(CLOSED_PORT)
			.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class,
					DingTalkCallbackFailedResultAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(DingTalkClient.class)
					.hasSingleBean(DingTalkApiClient.class)
					.hasSingleBean(AccessTokenProvider.class)
					.hasSingleBean(CallbackFailedResultApi.class);
				ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
				assertThat(List.of("dingTalkTransport", "dingTalkClient", "dingTalkApiClient",
						"dingTalkAccessTokenProvider", "dingTalkCallbackFailedResultApi"))
					.noneMatch(beanFactory::containsSingleton);
				context.getBean(CallbackFailedResultApi.class);
				assertThat(List.of("dingTalkTransport", "dingTalkClient", "dingTalkAccessTokenProvider",
						"dingTalkCallbackFailedResultApi"))
					.allMatch(beanFactory::containsSingleton);
			});
	}

	@Test
	void bootsRestClientBuilderIsAskedForOnTheFirstCallNotAtStartup() {
		AtomicInteger asked = new AtomicInteger();
		this.withApp.withPropertyValues(CLOSED_PORT, ONE_ATTEMPT)
			.withBean(RestClient.Builder.class, () -> {
				asked.incrementAndGet();
				return RestClient.builder();
			}, (definition) -> definition.setScope("prototype"))
			.run((context) -> {
				assertThat(asked).hasValue(0);
				callTwice(context.getBean(DingTalkClient.class));
				assertThat(asked).hasValue(1);
			});
	}

	/**
	 * Two calls to a closed local port: each fails fast, and each builds what the transport
	 * builds on first use.
	 */
	private static void callTwice(DingTalkClient client) {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.get("/topapi/anything").build()));
		}
	}

	@Test
	void withoutCredentialsThenNoClientBeansAndContextStarts() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(DingTalkProperties.class);
			assertThat(context).doesNotHaveBean(DingTalkClient.class)
				.doesNotHaveBean(AccessTokenProvider.class)
				.doesNotHaveBean(DingTalkTransport.class)
				.doesNotHaveBean(TokenCache.class)
				.doesNotHaveBean(TokenStore.class);
		});
	}

	@Test
	void withAppCredentialsThenClientBeansWithDefaults() {
		this.withApp.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkClient.class)
				.hasSingleBean(DingTalkTransport.class)
				.hasSingleBean(TokenCache.class);
			assertThat(context).getBean(TokenStore.class).isInstanceOf(InMemoryTokenStore.class);
			assertThat(context.getBean(AccessTokenProvider.class)).isInstanceOf(DefaultAccessTokenProvider.class)
				.extracting("key")
				.isEqualTo("access_token:dingkey");
			DingTalkProperties properties = context.getBean(DingTalkProperties.class);
			assertThat(properties.getBaseUrl()).isEqualTo("https://oapi.dingtalk.com");
			assertThat(properties.getToken().getStore()).isEqualTo(DingTalkProperties.Token.Store.MEMORY);
			assertThat(properties.getLogin().getProcessingUrl()).isEqualTo("/login/dingtalk");
			assertThat(properties.getJsapi().getPath()).isEqualTo("/dingtalk/jsapi/config");
			assertThat(properties.getCallback().getPath()).isEqualTo("/dingtalk/callback");
		});
	}

	@Test
	void withCorpCredentialsThenProviderKeyedByCorpId() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=corp-s3cr3t")
			.run((context) -> assertThat(context.getBean(AccessTokenProvider.class)).extracting("key")
				.isEqualTo("access_token:dingcorp"));
	}

	@Test
	void withBothPairsThenAppPairWins() {
		this.withApp.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=corp-s3cr3t")
			.run((context) -> assertThat(context.getBean(AccessTokenProvider.class)).extracting("key")
				.isEqualTo("access_token:dingkey"));
	}

	@Test
	void userBeansWin() {
		this.withApp.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(AccessTokenProvider.class)).isSameAs(UserBeans.PROVIDER);
			assertThat(context.getBean(TokenStore.class)).isSameAs(UserBeans.STORE);
			assertThat(context).hasSingleBean(DingTalkClient.class);
		});
	}

	@Test
	void customizerIsAppliedToTheDingTalkRestTemplateOnceOnTheFirstCall() {
		this.withApp.withPropertyValues(CLOSED_PORT, ONE_ATTEMPT)
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkTransport.class);
				assertThat(CustomizerConfiguration.calls).isZero();
				callTwice(context.getBean(DingTalkClient.class));
				assertThat(CustomizerConfiguration.calls).isEqualTo(1);
			});
	}

	@Test
	void withoutBootRestClientBuilderBeanThenStillBuildsTheTransport() {
		this.withApp.run((context) -> assertThat(context).doesNotHaveBean(RestClient.Builder.class)
			.hasSingleBean(DingTalkTransport.class));
	}

	@Test
	void restClientCustomizerIsAppliedOnceToTheDingTalkClientOnTheFirstCall() {
		this.withApp.withPropertyValues(CLOSED_PORT, ONE_ATTEMPT)
			.withUserConfiguration(RestClientCustomizerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkTransport.class);
				assertThat(RestClientCustomizerConfiguration.calls).isZero();
				callTwice(context.getBean(DingTalkClient.class));
				assertThat(RestClientCustomizerConfiguration.calls).isEqualTo(1);
			});
	}

	@Test
	void withoutOptionalIntegrationsOnClasspathThenCoreStillStarts() {
		this.withApp
			.withClassLoader(new FilteredClassLoader("org.springframework.security", "org.springframework.data.redis",
					"io.micrometer", "org.springframework.boot.actuate", "jakarta.servlet"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(DingTalkClient.class));
	}

	@Test
	void appSecretWithoutAppKeyFailsNamingAppKey() {
		assertFailure(this.runner.withPropertyValues("dingtalk.app-secret=s3cr3t"), "dingtalk.app-key");
	}

	@Test
	void appKeyWithoutAppSecretFailsNamingAppSecret() {
		assertFailure(this.runner.withPropertyValues("dingtalk.app-key=dingkey"), "dingtalk.app-secret");
	}

	@Test
	void corpSecretWithoutCorpIdFailsNamingCorpId() {
		assertFailure(this.runner.withPropertyValues("dingtalk.corp-secret=corp-s3cr3t"), "dingtalk.corp-id");
	}

	@Test
	void malformedBaseUrlFailsNamingBaseUrl() {
		assertFailure(this.withApp.withPropertyValues("dingtalk.base-url=oapi.dingtalk.com"), "dingtalk.base-url");
		assertFailure(this.withApp.withPropertyValues("dingtalk.base-url=ftp://oapi.dingtalk.com"), "dingtalk.base-url");
		assertFailure(this.withApp.withPropertyValues("dingtalk.base-url=http://exa mple.com"), "dingtalk.base-url");
	}

	@Test
	void redisStoreWithoutRedisOnClasspathFailsNamingTokenStore() {
		assertFailure(this.withApp.withPropertyValues("dingtalk.token.store=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis")), "dingtalk.token.store");
	}

	@Test
	void loginEnabledWithoutSpringSecurityFailsNamingTheProperty() {
		assertFailure(this.withApp.withPropertyValues("dingtalk.login.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.security")), "dingtalk.login.enabled");
	}

	@Test
	void badRetryAttemptsFailNamingTheProperty() {
		assertFailure(this.withApp.withPropertyValues("dingtalk.retry.max-attempts=0"), "dingtalk.retry.max-attempts");
	}

	@Test
	void zeroReadTimeoutFailsNamingTheProperty() {
		assertFailure(this.withApp.withPropertyValues("dingtalk.http.read-timeout=0s"), "dingtalk.http.read-timeout");
	}

	@Test
	void failureReportNeverShowsTheSecret() {
		this.runner.withPropertyValues("dingtalk.app-secret=very-secret-value").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("very-secret-value");
		});
	}

	@Test
	void propertiesToStringMasksSecrets() {
		this.withApp.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=corp-s3cr3t", "dingtalk.callback.token=cbtoken123",
				"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123")
			.run((context) -> assertThat(context.getBean(DingTalkProperties.class).toString()).contains("dingkey")
				.doesNotContain("s3cr3t")
				.doesNotContain("cbtoken123")
				.doesNotContain("1234567890123456789012345678901234567890123"));
	}

	private static void assertFailure(ApplicationContextRunner runner, String property) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).contains(property);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final AccessTokenProvider PROVIDER = new AccessTokenProvider() {

			@Override
			public String getAccessToken() {
				return "user-token";
			}

			@Override
			public void invalidate(String failedToken) {
			}

		};

		static final TokenStore STORE = new InMemoryTokenStore();

		@Bean
		AccessTokenProvider myProvider() {
			return PROVIDER;
		}

		@Bean
		TokenStore myStore() {
			return STORE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@SuppressWarnings("removal")
	static class CustomizerConfiguration {

		static int calls;

		@Bean
		DingTalkRestTemplateCustomizer countingCustomizer() {
			return (restTemplate) -> calls++;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RestClientCustomizerConfiguration {

		static int calls;

		@Bean
		DingTalkRestClientCustomizer countingCustomizer() {
			return (builder) -> calls++;
		}

	}

}
