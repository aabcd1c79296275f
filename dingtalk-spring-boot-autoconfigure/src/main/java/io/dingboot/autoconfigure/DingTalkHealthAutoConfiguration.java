package io.dingboot.autoconfigure;

import java.util.List;
import java.util.Map;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.health.DingTalkHealthIndicator;
import io.dingboot.health.DingTalkStreamHealthIndicator;
import io.dingboot.stream.DingTalkStreamClient;
import io.dingboot.stream.StreamApp;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.TokenCache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code dingtalk} health indicator ({@link DingTalkHealthIndicator}),
 * one entry per app of {@link DingTalkApps} (apps registered at runtime included), off with
 * {@code management.health.dingtalk.enabled=false}; and, when Stream mode is on, the
 * {@code dingTalkStream} indicator ({@link DingTalkStreamHealthIndicator}), one entry per app, off
 * with {@code management.health.dingtalk-stream.enabled=false}.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
public final class DingTalkHealthAutoConfiguration {

	@Bean
	@ConditionalOnBean(TokenCache.class)
	@ConditionalOnEnabledHealthIndicator("dingtalk")
	@ConditionalOnMissingBean(name = "dingtalkHealthIndicator")
	DingTalkHealthIndicator dingtalkHealthIndicator(TokenCache tokenCache,
			ObjectProvider<AccessTokenProvider> accessTokenProvider, ObjectProvider<DingTalkApps> apps) {
		// a TokenFetchListener bean: the token cache tells it of every fetch
		return new DingTalkHealthIndicator(tokenCache, () -> {
			DingTalkApps registry = apps.getIfAvailable();
			if (registry != null) {
				// read on each probe: apps registered at runtime appear
				return DingTalkAppTokenKeys.accessTokenKeys(registry);
			}
			AccessTokenProvider provider = accessTokenProvider.getIfUnique();
			return (provider instanceof DefaultAccessTokenProvider defaultProvider)
					? Map.of(DingTalkApps.DEFAULT, defaultProvider.getKey()) : Map.of();
		});
	}

	/**
	 * The {@code dingTalkStream} health indicator, when Stream mode is on.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnStreamEnabledCondition.class)
	@ConditionalOnEnabledHealthIndicator("dingtalk-stream")
	static class StreamHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingTalkStreamHealthIndicator")
		DingTalkStreamHealthIndicator dingTalkStreamHealthIndicator(ObjectProvider<DingTalkStreamClient> client) {
			return new DingTalkStreamHealthIndicator(() -> {
				DingTalkStreamClient streamClient = client.getIfAvailable();
				return (streamClient != null) ? streamClient.getApps().stream().map(StreamApp::name).toList()
						: List.of();
			});
		}

	}

}
