package io.dingboot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkJdkRequestFactory;
import io.dingboot.http.DingTalkRestTemplateCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

/**
 * Auto-configuration of DingBoot's core: properties, the token cache and store, the HTTP
 * transport and the {@link DingTalkClient}. The properties are checked before any bean is created
 * ({@link DingTalkPropertiesValidator}); without credentials the application starts without any
 * DingTalk client bean. Nothing here calls
 * DingTalk at startup.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestTemplateObservationAutoConfiguration" })
@EnableConfigurationProperties(DingTalkProperties.class)
public final class DingTalkAutoConfiguration {

	@Bean
	static DingTalkPropertiesValidator dingTalkPropertiesValidator() {
		return new DingTalkPropertiesValidator();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	TokenStore dingTalkTokenStore() {
		return new InMemoryTokenStore();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	TokenCache dingTalkTokenCache(TokenStore tokenStore, DingTalkProperties properties,
			ObjectProvider<TokenCache.TokenFetchListener> fetchListeners) {
		return new TokenCache(tokenStore, properties.getToken().getRefreshMargin(),
				properties.getToken().getFailureBackoff(), new TokenFetchListeners(fetchListeners));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	DingTalkTransport dingTalkTransport(DingTalkProperties properties,
			ObjectProvider<RestTemplateBuilder> restTemplateBuilder, ObjectProvider<HttpClientSettings> clientSettings,
			ObjectProvider<DingTalkRestTemplateCustomizer> customizers) {
		Duration connectTimeout = properties.getHttp().getConnectTimeout();
		Duration readTimeout = properties.getHttp().getReadTimeout();
		RestTemplateBuilder builder = restTemplateBuilder.getIfAvailable(RestTemplateBuilder::new)
			.rootUri(properties.baseUri().toString());
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = builder.requestFactoryBuilder();
		if (factoryBuilder == null) {
			factoryBuilder = ClientHttpRequestFactoryBuilder.detect();
		}
		if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder) {
			HttpClientSettings settings = clientSettings.getIfAvailable(HttpClientSettings::defaults)
				.withConnectTimeout(connectTimeout)
				.withReadTimeout(null);
			boolean plainHttp = "http".equals(properties.baseUri().getScheme());
			// HTTP/2 is negotiated on https; on plain http (FakeDingTalk, a local proxy) the JDK client
			// would try an h2c upgrade on every new connection, so stay with HTTP/1.1 there
			// DingBoot sends synchronously and reads small bodies whole: the client's own selector
			// thread completes each exchange, with no hand-off to a pool thread and back
			HttpClient httpClient = new JdkHttpClientBuilder().withExecutor(Runnable::run)
				.withCustomizer((client) -> client.version(plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2))
				.build(settings);
			builder = builder.requestFactory(() -> new DingTalkJdkRequestFactory(httpClient, readTimeout));
		}
		else {
			builder = builder.connectTimeout(connectTimeout).readTimeout(readTimeout);
		}
		RestTemplate restTemplate = builder.build();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(restTemplate));
		DingTalkProperties.Retry retry = properties.getRetry();
		return new DingTalkTransport(restTemplate,
				new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	AccessTokenProvider dingTalkAccessTokenProvider(DingTalkProperties properties, TokenCache tokenCache,
			DingTalkTransport transport) {
		if (properties.hasAppCredentials()) {
			return DefaultAccessTokenProvider.forApp(tokenCache, transport, properties.getAppKey(),
					properties.getAppSecret());
		}
		return DefaultAccessTokenProvider.forCorp(tokenCache, transport, properties.getCorpId(),
				properties.getCorpSecret());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	DingTalkClient dingTalkClient(DingTalkTransport transport, AccessTokenProvider accessTokenProvider) {
		return new DingTalkClient(transport, accessTokenProvider);
	}

}
