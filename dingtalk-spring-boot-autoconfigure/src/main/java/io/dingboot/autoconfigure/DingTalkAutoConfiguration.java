package io.dingboot.autoconfigure;

import java.util.function.Supplier;

import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenEndpoint;
import io.dingboot.token.TokenStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Auto-configuration of DingBoot's core: properties, the token cache and store, the HTTP
 * transport and the two clients of the app {@code default}: the legacy server API's
 * ({@link DingTalkClient}) and the v1.0 family's ({@link DingTalkApiClient}), on one token. The properties are checked
 * before any bean is created ({@link DingTalkPropertiesValidator}). The token store, cache and
 * transport exist when any app is defined (top-level credentials or {@code dingtalk.apps.<name>});
 * the client beans of the single app only with top-level credentials. The registry of apps is
 * {@link DingTalkAppsAutoConfiguration}'s. Nothing here calls DingTalk at startup. The transport, the
 * token provider and the two clients are lazy: they are created when something injects them, not
 * at start-up; the token cache builds its cache and the transport its HTTP client on the first call.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration" })
@EnableConfigurationProperties(DingTalkProperties.class)
public final class DingTalkAutoConfiguration {

	@Bean
	static DingTalkPropertiesValidator dingTalkPropertiesValidator() {
		return new DingTalkPropertiesValidator();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnDingTalkAppsCondition.class)
	TokenStore dingTalkTokenStore() {
		return new InMemoryTokenStore();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnDingTalkAppsCondition.class)
	TokenCache dingTalkTokenCache(TokenStore tokenStore, DingTalkProperties properties,
			ObjectProvider<TokenCache.TokenFetchListener> fetchListeners) {
		return new TokenCache(tokenStore, properties.getToken().getRefreshMargin(),
				properties.getToken().getFailureBackoff(), new TokenFetchListeners(fetchListeners));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@Conditional(OnDingTalkAppsCondition.class)
	@SuppressWarnings("removal")
	DingTalkTransport dingTalkTransport(DingTalkProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(DingTalkTransport.REST_TEMPLATE_BEAN_NAME) ObjectProvider<RestTemplate> dingTalkRestTemplate,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> clientSettings, ObjectProvider<DingTalkRestClientCustomizer> customizers,
			ObjectProvider<io.dingboot.http.DingTalkRestTemplateCustomizer> templateCustomizers,
			ObjectProvider<DingTalkTransport.ExchangeListener> exchangeListeners,
			ObjectProvider<DingTalkTransport.RetryListener> retryListeners) {
		return transport(properties, restClientBuilder, dingTalkRestTemplate.getIfAvailable(), requestFactoryBuilder,
				clientSettings, customizers, templateCustomizers, exchangeListeners, retryListeners);
	}

	@SuppressWarnings("removal")
	static DingTalkTransport transport(DingTalkProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, @Nullable RestTemplate dingTalkRestTemplate,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> clientSettings, ObjectProvider<DingTalkRestClientCustomizer> customizers,
			ObjectProvider<io.dingboot.http.DingTalkRestTemplateCustomizer> templateCustomizers,
			ObjectProvider<DingTalkTransport.ExchangeListener> exchangeListeners,
			ObjectProvider<DingTalkTransport.RetryListener> retryListeners) {
		// built on the first call: Boot's RestClient.Builder and the HTTP client cost nothing at start-up
		Supplier<RestClient.Builder> builder = () -> DingTalkRestClientBuilders.create(properties, dingTalkRestTemplate,
				() -> restClientBuilder.getIfAvailable(RestClient::builder),
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				clientSettings.getIfAvailable(HttpClientSettings::defaults), templateCustomizers.orderedStream().toList(),
				customizers.orderedStream().toList());
		DingTalkProperties.Retry retry = properties.getRetry();
		return new DingTalkTransport(builder, properties.baseUri(),
				new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()),
				DingTalkTransportListeners.exchange(exchangeListeners.orderedStream().toList()),
				DingTalkTransportListeners.retry(retryListeners.orderedStream().toList()));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean(AccessTokenProvider.class)
	@ConditionalOnDingTalkCredentials
	// the concrete type, so that a lookup of DefaultAccessTokenProvider finds the bean before it is created
	DefaultAccessTokenProvider dingTalkAccessTokenProvider(DingTalkProperties properties, TokenCache tokenCache,
			DingTalkTransport transport) {
		if (properties.hasAppCredentials() && properties.getToken().getEndpoint() == TokenEndpoint.V1) {
			return DefaultAccessTokenProvider.forAppV1(tokenCache, transport, properties.getAppKey(),
					properties.getAppSecret(), properties.apiBaseUri());
		}
		if (properties.hasAppCredentials()) {
			return DefaultAccessTokenProvider.forApp(tokenCache, transport, properties.getAppKey(),
					properties.getAppSecret());
		}
		return DefaultAccessTokenProvider.forCorp(tokenCache, transport, properties.getCorpId(),
				properties.getCorpSecret());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	DingTalkClient dingTalkClient(DingTalkTransport transport, AccessTokenProvider accessTokenProvider) {
		return new DingTalkClient(transport, accessTokenProvider);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnDingTalkCredentials
	DingTalkApiClient dingTalkApiClient(DingTalkTransport transport, AccessTokenProvider accessTokenProvider,
			DingTalkProperties properties) {
		return new DingTalkApiClient(transport, accessTokenProvider, properties.apiBaseUri());
	}

}
