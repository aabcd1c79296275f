package io.dingboot.autoconfigure;

import java.time.Duration;

import io.dingboot.token.TokenStore;
import io.dingboot.token.redis.RedisTokenStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the Redis token store, active with {@code dingtalk.token.store=redis}:
 * tokens and JSAPI tickets are shared by every instance of the app through the application's
 * {@link RedisConnectionFactory}. Without a {@code RedisConnectionFactory} bean the application fails
 * to start, naming the property. Callback deduplication has its own switch,
 * {@code dingtalk.callback.deduplication.store}, which follows this one when unset.
 */
@AutoConfiguration(before = DingTalkAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnProperty(name = "dingtalk.token.store", havingValue = "redis")
@Conditional(OnDingTalkAppsCondition.class)
@EnableConfigurationProperties(DingTalkProperties.class)
public final class DingTalkRedisAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RedisConnectionFactory.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		RedisTokenStore dingTalkTokenStore(RedisConnectionFactory connectionFactory, DingTalkProperties properties,
				ObjectProvider<RedisTokenStore.FallbackListener> fallbackListeners) {
			DingTalkProperties.Token token = properties.getToken();
			String keyPrefix = token.getRedis().getKeyPrefix();
			if (keyPrefix == null) {
				throw new InvalidDingTalkPropertyException("dingtalk.token.redis.key-prefix", "must not be null",
						"set a prefix such as 'dingtalk:' or an empty string");
			}
			Duration lockTimeout = token.getRedis().getLockTimeout();
			if (lockTimeout == null || lockTimeout.toMillis() <= 0) {
				throw new InvalidDingTalkPropertyException("dingtalk.token.redis.lock-timeout",
						"must be positive but is " + lockTimeout,
						"set a duration a little longer than a token fetch, such as 5s");
			}
			// looked up at each fallback, so a listener (meters) may be built after the store
			RedisTokenStore.FallbackListener fallbackListener = () -> fallbackListeners.orderedStream()
				.forEach(RedisTokenStore.FallbackListener::fetchedWithoutRedis);
			return new RedisTokenStore(connectionFactory, keyPrefix, token.getRefreshMargin(), lockTimeout,
					RedisTokenStore.DEFAULT_RECOVERY_INTERVAL, fallbackListener);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RedisConnectionFactory.class)
	static class MissingConnectionFactoryConfiguration {

		@Bean
		static Object dingTalkRedisStoreWithoutConnectionFactory() {
			throw new InvalidDingTalkPropertyException("dingtalk.token.store",
					"is 'redis' but the application has no RedisConnectionFactory bean",
					"configure Redis (spring.data.redis.host/port with spring-boot-starter-data-redis), "
							+ "or set dingtalk.token.store=memory");
		}

	}

}
