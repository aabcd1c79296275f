package io.dingboot.autoconfigure;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenStore;
import io.dingboot.token.redis.RedisTokenStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link DingTalkRedisAutoConfiguration}. No Redis is needed: nothing connects at startup.
 */
class DingTalkRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRedisAutoConfiguration.class, DingTalkAutoConfiguration.class))
		.withBean(RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
		.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=secret");

	@Test
	void defaultStoreIsInMemory() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TokenStore.class);
			assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
			assertThat(context).doesNotHaveBean(CallbackDeduplicator.class);
		});
	}

	@Test
	void storeRedisUsesTheConnectionFactoryOfBootsRedisAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DingTalkRedisAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=secret", "dingtalk.token.store=redis",
					"spring.data.redis.port=1")
			.run((context) -> assertThat(context).getBean(TokenStore.class).isInstanceOf(RedisTokenStore.class));
	}

	@Test
	void storeRedisUsesRedisTokenStoreAndNoDeduplicatorWithoutCallbacks() {
		this.runner.withPropertyValues("dingtalk.token.store=redis", "dingtalk.token.redis.key-prefix=app1:")
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenStore.class);
				assertThat(context.getBean(TokenStore.class)).isInstanceOf(RedisTokenStore.class)
					.hasToString("RedisTokenStore{keyPrefix=app1:, shared=true}");
				assertThat(context).doesNotHaveBean(CallbackDeduplicator.class);
			});
	}

	@Test
	void userTokenStoreWins() {
		this.runner.withPropertyValues("dingtalk.token.store=redis")
			.withBean("myStore", TokenStore.class, InMemoryTokenStore::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenStore.class);
				assertThat(context).getBean(TokenStore.class).isSameAs(context.getBean("myStore"));
			});
	}

	@Test
	void withoutCredentialsNoStore() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkRedisAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withBean(RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.withPropertyValues("dingtalk.token.store=redis")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenStore.class));
	}

	@Test
	void storeRedisWithoutConnectionFactoryFailsNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkRedisAutoConfiguration.class,
					DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=secret", "dingtalk.token.store=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("dingtalk.token.store");
				assertThat(analysis.getDescription()).contains("no RedisConnectionFactory bean");
			});
	}

	@Test
	void storeRedisWithoutSpringDataRedisFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.token.store=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("dingtalk.token.store");
			});
	}

	@Test
	void nonPositiveLockTimeoutFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.token.store=redis", "dingtalk.token.redis.lock-timeout=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("dingtalk.token.redis.lock-timeout");
			});
	}

}
