package io.dingboot.autoconfigure;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import io.dingboot.callback.redis.RedisCallbackDeduplicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for the choice of callback deduplicator ({@link CallbackDeduplicationConfiguration}):
 * {@code dingtalk.callback.deduplication.store}, following {@code dingtalk.token.store} when unset.
 * No Redis is needed: nothing connects at startup.
 */
class CallbackDeduplicationConfigurationTests {

	private static final String[] CALLBACKS = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=123456",
			"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123",
			"dingtalk.callback.owner-key=dingapp" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRedisAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkCallbackAutoConfiguration.class))
		.withPropertyValues(CALLBACKS);

	private final ApplicationContextRunner withRedis = this.runner.withBean(RedisConnectionFactory.class,
			() -> mock(RedisConnectionFactory.class));

	@Test
	void byDefaultDeduplicatesInMemoryEvenWithRedisPresent() {
		this.withRedis.run((context) -> assertThat(context).getBean(CallbackDeduplicator.class)
			.isInstanceOf(InMemoryCallbackDeduplicator.class));
	}

	@Test
	void storeRedisDeduplicatesThroughRedisWithoutTokenStoreOrCredentials() {
		this.withRedis.withPropertyValues("dingtalk.callback.deduplication.store=redis").run((context) -> {
			assertThat(context).getBean(CallbackDeduplicator.class).isInstanceOf(RedisCallbackDeduplicator.class);
			assertThat(context.getBean(CallbackDeduplicator.class))
				.hasToString("RedisCallbackDeduplicator{keyPrefix=dingtalk:}");
		});
	}

	@Test
	void unsetStoreFollowsTokenStoreRedisAndItsKeyPrefixAsBefore() {
		this.withRedis
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=secret", "dingtalk.token.store=redis",
					"dingtalk.token.redis.key-prefix=app1:")
			.run((context) -> assertThat(context.getBean(CallbackDeduplicator.class))
				.isInstanceOf(RedisCallbackDeduplicator.class)
				.hasToString("RedisCallbackDeduplicator{keyPrefix=app1:}"));
	}

	@Test
	void storeMemoryWinsOverTokenStoreRedis() {
		this.withRedis
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=secret", "dingtalk.token.store=redis",
					"dingtalk.callback.deduplication.store=memory")
			.run((context) -> assertThat(context).getBean(CallbackDeduplicator.class)
				.isInstanceOf(InMemoryCallbackDeduplicator.class));
	}

	@Test
	void ownKeyPrefixWinsOverTheTokenStorePrefix() {
		this.withRedis
			.withPropertyValues("dingtalk.callback.deduplication.store=redis",
					"dingtalk.callback.deduplication.key-prefix=events:", "dingtalk.token.redis.key-prefix=app1:")
			.run((context) -> assertThat(context.getBean(CallbackDeduplicator.class))
				.hasToString("RedisCallbackDeduplicator{keyPrefix=events:}"));
	}

	@Test
	void userDeduplicatorWins() {
		CallbackDeduplicator mine = new InMemoryCallbackDeduplicator(10);
		this.withRedis.withPropertyValues("dingtalk.callback.deduplication.store=redis")
			.withBean("myDeduplicator", CallbackDeduplicator.class, () -> mine)
			.run((context) -> assertThat(context).getBean(CallbackDeduplicator.class).isSameAs(mine));
	}

	@Test
	void storeRedisWithoutConnectionFactoryFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.callback.deduplication.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getAction()).contains("dingtalk.callback.deduplication.store");
			assertThat(analysis.getDescription()).contains("no RedisConnectionFactory bean");
		});
	}

	@Test
	void storeRedisWithoutSpringDataRedisFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.callback.deduplication.store=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("dingtalk.callback.deduplication.store");
			});
	}

	@Test
	void callbacksOffMeansNoDeduplicatorWhateverTheStore() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkCallbackAutoConfiguration.class))
			.withBean(RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.withPropertyValues("dingtalk.callback.deduplication.store=redis")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackDeduplicator.class));
	}

}
