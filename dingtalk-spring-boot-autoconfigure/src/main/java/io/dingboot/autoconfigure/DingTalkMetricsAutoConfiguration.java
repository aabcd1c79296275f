package io.dingboot.autoconfigure;

import java.util.Locale;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackObserver;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.metrics.DingTalkLoginMetricsListener;
import io.dingboot.metrics.DingTalkMeters;
import io.dingboot.stream.StreamListener;
import io.dingboot.token.TokenCache;
import io.dingboot.token.redis.RedisTokenStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of DingBoot's Micrometer meters ({@link DingTalkMeters}), bound to the token
 * cache, the HTTP transport (its listeners, which the transport takes when it is built) and, when
 * present, the Redis token store and the Stream client. Meters of an app's calls and token fetches are tagged with the
 * app's name from {@link DingTalkApps}, apps registered at runtime included.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class }, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class DingTalkMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DingTalkMeters dingTalkMeters(MeterRegistry meterRegistry, ObjectProvider<DingTalkApps> apps) {
		// token keys name app keys: the tag is the name of the app that has the key
		return new DingTalkMeters(meterRegistry, (tokenKey) -> {
			DingTalkApps registry = apps.getIfAvailable();
			return (registry != null) ? DingTalkAppTokenKeys.appName(registry, tokenKey) : DingTalkMeters.DEFAULT_APP;
		});
	}

	@Bean
	@ConditionalOnMissingBean(name = "dingTalkTokenFetchMetricsListener")
	TokenCache.TokenFetchListener dingTalkTokenFetchMetricsListener(DingTalkMeters meters) {
		return meters.tokenFetchListener();
	}

	@Bean
	@ConditionalOnMissingBean(name = "dingTalkExchangeMetricsListener")
	DingTalkTransport.ExchangeListener dingTalkExchangeMetricsListener(DingTalkMeters meters) {
		return meters.exchangeListener();
	}

	@Bean
	@ConditionalOnMissingBean(name = "dingTalkRetryMetricsListener")
	DingTalkTransport.RetryListener dingTalkRetryMetricsListener(DingTalkMeters meters) {
		return meters.retryListener();
	}

	@Bean
	@ConditionalOnMissingBean(name = "dingTalkCallbackMetricsObserver")
	CallbackObserver dingTalkCallbackMetricsObserver(DingTalkMeters meters) {
		// a push to an unknown app's path has no app name: the request's name never becomes a tag
		return (outcome) -> meters.callbackEvent((outcome.appName() != null) ? outcome.appName() : "unknown",
				(outcome.eventType() != null) ? outcome.eventType() : "unknown",
				outcome.status().name().toLowerCase(Locale.ROOT));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnStreamEnabledCondition.class)
	static class StreamMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingTalkStreamMetricsListener")
		StreamListener dingTalkStreamMetricsListener(DingTalkMeters meters) {
			return meters.streamListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.authentication.event.AbstractAuthenticationEvent")
	static class LoginMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DingTalkLoginMetricsListener dingTalkLoginMetricsListener(DingTalkMeters meters) {
			return new DingTalkLoginMetricsListener(meters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	static class RedisTokenStoreMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingTalkTokenStoreFallbackMetricsListener")
		RedisTokenStore.FallbackListener dingTalkTokenStoreFallbackMetricsListener(DingTalkMeters meters) {
			Runnable counter = meters.storeFallbackListener();
			return counter::run;
		}

	}

}
