package io.dingboot.autoconfigure;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.dingboot.autoconfigure.DingTalkPropertiesValidator.AppSettings;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link DingTalkPropertiesValidator}: every incomplete or wrong app fails before any
 * bean is created, with DingBoot's report naming the property, whatever the application injects.
 */
class DingTalkPropertiesValidatorTests {

	private static final String AES_KEY = "abcdefghijABCDEFGHIJ0123456789abcdefghijABC";

	private static final String SECRET = "app-s3cr3t-value";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
				DingTalkApiAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
				DingTalkJsapiEndpointAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
				DingTalkLoginAutoConfiguration.class));

	private final WebApplicationContextRunner withApp = this.runner
		.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=" + SECRET);

	private final WebApplicationContextRunner injectingUserApi = this.runner
		.withUserConfiguration(UserApiClient.class);

	@Test
	void completeAppWithEveryFeatureStarts() {
		this.withApp
			.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true",
					"dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + AES_KEY)
			.withUserConfiguration(UserApiClient.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(UserApiClient.class));
	}

	@Test
	void corpIdAloneIsNotAnIncompleteApp() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(UserApi.class));
	}

	@Test
	void appKeyWithoutAppSecretWhenUserApiIsInjectedFailsNamingAppSecretNotTheMissingBean() {
		this.injectingUserApi.withPropertyValues("dingtalk.app-key=dingappkey").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidDingTalkPropertyException.class)
				.hasMessage("dingtalk.app-secret: is not set but dingtalk.app-key is");
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription())
				.isEqualTo("DingTalk is misconfigured: dingtalk.app-secret: is not set but dingtalk.app-key is");
			assertThat(analysis.getAction()).startsWith("Fix the property 'dingtalk.app-secret': set dingtalk.app-secret");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("could not be found");
			assertThat(firstAnalysis(context.getStartupFailure(), new MockEnvironment()).getDescription())
				.isEqualTo(analysis.getDescription());
		});
	}

	@Test
	void appSecretWithoutAppKeyWhenUserApiIsInjectedFailsNamingAppKeyWithoutTheSecret() {
		this.injectingUserApi.withPropertyValues("dingtalk.app-secret=" + SECRET)
			.run(failsOn("dingtalk.app-key", SECRET));
	}

	@Test
	void appKeyWithoutAppSecretWhileJsapiIsOnFailsNamingAppSecretNotAppKey() {
		this.runner
			.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.corp-id=dingcorp", "dingtalk.agent-id=42",
					"dingtalk.jsapi.enabled=true")
			.run(failsOn("dingtalk.app-secret", null));
	}

	@Test
	void appKeyWithoutAppSecretWhileLoginIsOnFailsNamingAppSecret() {
		this.runner.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.login.enabled=true")
			.run(failsOn("dingtalk.app-secret", null));
	}

	@Test
	void corpSecretWithoutCorpIdWhenUserApiIsInjectedFailsNamingCorpId() {
		this.injectingUserApi.withPropertyValues("dingtalk.corp-secret=corp-s3cr3t")
			.run(failsOn("dingtalk.corp-id", "corp-s3cr3t"));
	}

	@Test
	void corpSecretWithoutCorpIdNextToACompleteAppPairFailsNamingCorpId() {
		this.withApp.withPropertyValues("dingtalk.corp-secret=corp-s3cr3t")
			.run(failsOn("dingtalk.corp-id", "corp-s3cr3t"));
	}

	@Test
	void malformedBaseUrlWhenUserApiIsInjectedFailsNamingBaseUrl() {
		this.injectingUserApi
			.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=" + SECRET,
					"dingtalk.base-url=oapi.dingtalk.com")
			.run(failsOn("dingtalk.base-url", SECRET));
		this.withApp.withPropertyValues("dingtalk.base-url=https://oapi.dingtalk.com?x=1")
			.run(failsOn("dingtalk.base-url", SECRET));
		this.withApp.withPropertyValues("dingtalk.base-url= ").run(failsOn("dingtalk.base-url", SECRET));
	}

	@Test
	void jsapiWithoutAgentIdFailsNamingAgentId() {
		this.withApp.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.jsapi.enabled=true")
			.run(failsOn("dingtalk.agent-id", SECRET));
	}

	@Test
	void jsapiWithoutCorpIdFailsNamingCorpId() {
		this.withApp.withPropertyValues("dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true")
			.run(failsOn("dingtalk.corp-id", SECRET));
	}

	@Test
	void jsapiWithoutAnyCredentialsFailsNamingAppKey() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true")
			.run(failsOn("dingtalk.app-key", null));
	}

	@Test
	void loginWithoutAnyCredentialsFailsNamingAppKey() {
		this.runner.withPropertyValues("dingtalk.login.enabled=true").run(failsOn("dingtalk.app-key", null));
	}

	@Test
	void nonPositiveAgentIdFailsNamingAgentId() {
		this.withApp.withPropertyValues("dingtalk.agent-id=0").run(failsOn("dingtalk.agent-id", SECRET));
	}

	@Test
	void callbackWithoutTokenFailsNamingTheToken() {
		this.withApp
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.aes-key=" + AES_KEY)
			.withUserConfiguration(UserApiClient.class)
			.run(failsOn("dingtalk.callback.token", AES_KEY));
	}

	@Test
	void callbackWithoutAesKeyFailsNamingTheAesKey() {
		this.withApp.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken")
			.run(failsOn("dingtalk.callback.aes-key", "t0ken"));
	}

	@Test
	void malformedAesKeyFailsNamingItWithoutShowingIt() {
		String wrong = AES_KEY.substring(0, 42) + "=";
		this.withApp
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + wrong)
			.run((context) -> {
				failsOn("dingtalk.callback.aes-key", wrong).accept(context);
				assertThat(context.getStartupFailure()).hasMessageContaining("must be 43 characters [A-Za-z0-9]");
			});
	}

	@Test
	void callbackWithoutAnyOwnerKeyFailsNamingOwnerKey() {
		this.runner
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + AES_KEY)
			.run(failsOn("dingtalk.callback.owner-key", AES_KEY));
	}

	@Test
	void callbackWithoutCredentialsButWithCorpIdStarts() {
		this.runner
			.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.callback.enabled=true",
					"dingtalk.callback.token=t0ken", "dingtalk.callback.aes-key=" + AES_KEY)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void callbackMaxBodySizeAboveTheLimitFailsNamingIt() {
		this.withApp
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=" + AES_KEY, "dingtalk.callback.max-body-size=17MB")
			.run(failsOn("dingtalk.callback.max-body-size", AES_KEY));
	}

	@Test
	void redisStoreWithoutConnectionFactoryWhenUserApiIsInjectedFailsNamingTheStore() {
		this.injectingUserApi
			.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=" + SECRET,
					"dingtalk.token.store=redis")
			.run((context) -> {
				failsOn("dingtalk.token.store", SECRET).accept(context);
				assertThat(context.getStartupFailure()).hasMessageContaining("no RedisConnectionFactory bean");
			});
	}

	@Test
	void redisStoreWithConnectionFactoryStarts() {
		this.withApp.withPropertyValues("dingtalk.token.store=redis")
			.withBean(RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsNamingTheStore() {
		this.withApp.withPropertyValues("dingtalk.token.store=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run(failsOn("dingtalk.token.store", SECRET));
	}

	@Test
	void badRetrySettingsFailNamingTheProperty() {
		this.withApp.withPropertyValues("dingtalk.retry.max-attempts=11").run(failsOn("dingtalk.retry.max-attempts", SECRET));
		this.withApp.withPropertyValues("dingtalk.retry.max-attempts=0").run(failsOn("dingtalk.retry.max-attempts", SECRET));
		this.withApp.withPropertyValues("dingtalk.retry.initial-backoff=0s")
			.run(failsOn("dingtalk.retry.initial-backoff", SECRET));
		this.withApp.withPropertyValues("dingtalk.retry.initial-backoff=5s", "dingtalk.retry.max-backoff=1s")
			.run(failsOn("dingtalk.retry.max-backoff", SECRET));
	}

	@Test
	void badTimeoutsFailNamingTheProperty() {
		this.withApp.withPropertyValues("dingtalk.http.connect-timeout=0s")
			.run(failsOn("dingtalk.http.connect-timeout", SECRET));
		this.withApp.withPropertyValues("dingtalk.http.read-timeout=-1s").run(failsOn("dingtalk.http.read-timeout", SECRET));
		this.withApp.withPropertyValues("dingtalk.token.refresh-margin=0s")
			.run(failsOn("dingtalk.token.refresh-margin", SECRET));
		this.withApp.withPropertyValues("dingtalk.token.failure-backoff=-1s")
			.run(failsOn("dingtalk.token.failure-backoff", SECRET));
	}

	@Test
	void malformedEndpointPathsFailNamingThem() {
		this.withApp.withPropertyValues("dingtalk.login.processing-url=login").run(failsOn("dingtalk.login.processing-url", SECRET));
		this.withApp
			.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true",
					"dingtalk.jsapi.allowed-origins=https://app.example.com/page")
			.run(failsOn("dingtalk.jsapi.allowed-origins", SECRET));
	}

	@Test
	void checkAppNamesTheNamedAppsProperty() {
		AppSettings keyOnly = new AppSettings("hrkey", null, null, null, null, false, false, false, null, null, Set.of());
		InvalidDingTalkPropertyException problem = DingTalkPropertiesValidator.checkApp("dingtalk.apps.hr.", keyOnly);
		assertThat(problem).isNotNull();
		assertThat(problem.getProperty()).isEqualTo("dingtalk.apps.hr.app-secret");
		assertThat(problem).hasMessage("dingtalk.apps.hr.app-secret: is not set but dingtalk.apps.hr.app-key is");
	}

	@Test
	void checkAppRequiresCredentialsOfANamedApp() {
		AppSettings agentOnly = new AppSettings(null, null, "dingcorp", null, 7L, false, false, false, null, null,
				Set.of());
		InvalidDingTalkPropertyException problem = DingTalkPropertiesValidator.checkApp("dingtalk.apps.oa.", agentOnly);
		assertThat(problem).isNotNull();
		assertThat(problem.getProperty()).isEqualTo("dingtalk.apps.oa.app-key");
		assertThat(problem).hasMessage("dingtalk.apps.oa.app-key: is not set but the app dingtalk.apps.oa is defined");
	}

	@Test
	void checkAppNamesTheNamedAppsCallbackKeyWithoutShowingIt() {
		AppSettings app = new AppSettings("oakey", SECRET, null, null, null, false, false, true, "t0ken", "short",
				Set.of());
		InvalidDingTalkPropertyException problem = DingTalkPropertiesValidator.checkApp("dingtalk.apps.oa.", app);
		assertThat(problem).isNotNull();
		assertThat(problem.getProperty()).isEqualTo("dingtalk.apps.oa.callback.aes-key");
		assertThat(problem.getMessage() + problem.getAction()).doesNotContain("short").doesNotContain(SECRET);
	}

	@Test
	void checkAppOfACompleteAppFindsNothing() {
		AppSettings app = new AppSettings("oakey", SECRET, "dingcorp", null, 7L, true, true, true, "t0ken", AES_KEY,
				Set.of());
		assertThat(DingTalkPropertiesValidator.checkApp("dingtalk.apps.oa.", app)).isNull();
		assertThat(app.toString()).doesNotContain(SECRET).doesNotContain(AES_KEY).doesNotContain("t0ken");
	}

	@Test
	void noCredentialsAtAllWhenUserApiIsInjectedIsReportedByDingBootAheadOfBootsGenericReport() {
		this.injectingUserApi.run((context) -> {
			assertThat(context).hasFailed();
			MockEnvironment environment = new MockEnvironment();
			FailureAnalysis analysis = firstAnalysis(context.getStartupFailure(), environment);
			assertThat(analysis.getDescription()).startsWith("The application needs a bean of type 'io.dingboot.user.UserApi'")
				.contains("no credentials are set");
			assertThat(analysis.getAction()).startsWith("Set dingtalk.app-key and dingtalk.app-secret");
		});
	}

	@Test
	void missingBeanAnalyzerLeavesOtherFailuresToBoot() {
		MockEnvironment withCredentials = new MockEnvironment().withProperty("dingtalk.app-key", "k")
			.withProperty("dingtalk.app-secret", "s");
		NoSuchBeanDefinitionException dingBootBean = new NoSuchBeanDefinitionException(UserApi.class);
		assertThat(new MissingDingTalkCredentialsFailureAnalyzer(withCredentials).analyze(dingBootBean)).isNull();
		assertThat(new MissingDingTalkCredentialsFailureAnalyzer(new MockEnvironment())
			.analyze(new NoSuchBeanDefinitionException(StringBuilder.class))).isNull();
		assertThat(new MissingDingTalkCredentialsFailureAnalyzer(new MockEnvironment()).analyze(dingBootBean))
			.isNotNull();
	}

	/**
	 * The analysis Spring Boot reports: the first of the registered analyzers, in their order,
	 * that has one.
	 */
	private static FailureAnalysis firstAnalysis(Throwable failure, Environment environment) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, environment)
			.and(BeanFactory.class, beanFactory)
			.and(ConfigurableListableBeanFactory.class, beanFactory);
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
				// as Spring Boot does, leave out an analyzer whose optional classes are missing
			}));
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		assertThat(analysis).as("Spring Boot's report").isNotNull();
		return analysis;
	}

	private static FailureAnalysis analyze(AssertableWebApplicationContext context) {
		FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("DingBoot's failure analysis").isNotNull();
		return analysis;
	}

	private static ContextConsumer<AssertableWebApplicationContext> failsOn(String property, String secret) {
		return (context) -> {
			assertThat(context).hasFailed();
			// thrown before any bean is created: nothing else can fail first
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidDingTalkPropertyException.class);
			assertThat(((InvalidDingTalkPropertyException) context.getStartupFailure()).getProperty()).isEqualTo(property);
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).startsWith("DingTalk is misconfigured: " + property + ": ");
			assertThat(analysis.getAction()).startsWith("Fix the property '" + property + "': ");
			if (secret != null) {
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(secret);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class UserApiClient {

		private final UserApi userApi;

		UserApiClient(UserApi userApi) {
			this.userApi = userApi;
		}

		@Bean
		String userApiDescription() {
			return this.userApi.toString();
		}

	}

}
