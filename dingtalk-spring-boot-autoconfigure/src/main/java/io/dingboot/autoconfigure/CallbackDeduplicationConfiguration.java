package io.dingboot.autoconfigure;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import io.dingboot.callback.redis.RedisCallbackDeduplicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The callback deduplicator, chosen by {@code dingtalk.callback.deduplication.store}
 * ({@code memory} or {@code redis}); unset, it follows {@code dingtalk.token.store}, so that an
 * application sharing its tokens through Redis deduplicates its callbacks there too.
 */
@Configuration(proxyBeanMethods = false)
class CallbackDeduplicationConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(CallbackDeduplicationStoreCondition.Memory.class)
	static class MemoryDeduplicationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator dingTalkCallbackDeduplicator() {
			return new InMemoryCallbackDeduplicator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(CallbackDeduplicationStoreCondition.Redis.class)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	static class RedisDeduplicationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CallbackDeduplicator dingTalkCallbackDeduplicator(ObjectProvider<RedisConnectionFactory> connectionFactory,
				DingTalkProperties properties, Environment environment) {
			RedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new InvalidDingTalkPropertyException(CallbackDeduplicationStoreCondition.property(environment),
						"is 'redis' but the application has no RedisConnectionFactory bean",
						"configure Redis (spring.data.redis.host/port with spring-boot-starter-data-redis), "
								+ "or set dingtalk.callback.deduplication.store=memory");
			}
			return new RedisCallbackDeduplicator(factory, keyPrefix(properties));
		}

		private static String keyPrefix(DingTalkProperties properties) {
			String keyPrefix = properties.getCallback().getDeduplication().getKeyPrefix();
			if (keyPrefix == null) {
				keyPrefix = properties.getToken().getRedis().getKeyPrefix();
			}
			return (keyPrefix != null) ? keyPrefix : "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(CallbackDeduplicationStoreCondition.Redis.class)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
	static class MissingRedisDeduplicationConfiguration {

		@Bean
		@ConditionalOnMissingBean(CallbackDeduplicator.class)
		static CallbackDeduplicator dingTalkCallbackDeduplicator(Environment environment) {
			throw new InvalidDingTalkPropertyException(CallbackDeduplicationStoreCondition.property(environment),
					"is 'redis' but Spring Data Redis is not on the classpath",
					"add spring-boot-starter-data-redis, or set dingtalk.callback.deduplication.store=memory");
		}

	}

}
