package io.dingboot.autoconfigure;

import java.util.function.Supplier;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import io.dingboot.media.MediaLimits;
import io.dingboot.token.TokenStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.ResolvableType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Auto-configuration of DingBoot's core: properties, the token cache and store, the HTTP
 * transport, the {@link DingTalkClient} of the app {@code default} and the {@link DingTalkApps}
 * registry. The properties are checked before any bean is created
 * ({@link DingTalkPropertiesValidator}). The token store, cache and transport exist when any app is
 * defined (top-level credentials or {@code dingtalk.apps.<name>}); the client beans of the single
 * app only with top-level credentials. The registry is always there, so that apps can be registered
 * at runtime, and builds nothing until an app is used. Nothing here calls DingTalk at startup.
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
	private static DingTalkTransport transport(DingTalkProperties properties,
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

	@Bean
	@ConditionalOnMissingBean
	DingTalkApps dingTalkApps(DingTalkProperties properties, ListableBeanFactory beanFactory,
			ObjectProvider<TokenCache> tokenCache, ObjectProvider<DingTalkTransport> transport) {
		DingTalkProperties.Media media = properties.getMedia();
		DingTalkApps.Shared shared = new DingTalkApps.Shared(
				() -> tokenCache.getIfAvailable(() -> standaloneTokenCache(properties, beanFactory)),
				() -> transport.getIfAvailable(() -> standaloneTransport(properties, beanFactory)),
				new MediaLimits(media.getMaxImageSize(), media.getMaxVoiceSize(), media.getMaxVideoSize(),
						media.getMaxFileSize()),
				properties.getJsapi().getSignatureAlgorithm());
		DingTalkApps apps = new DingTalkApps(shared, DingTalkAutoConfiguration::checkRegisteredApp,
				(properties.hasAppCredentials() || properties.hasCorpCredentials())
						? new DefaultDingTalkApp(properties, beanFactory) : null);
		properties.getApps().forEach((name, app) -> apps.register(name, new DingTalkAppSettings(app.getAppKey(),
				app.getAppSecret(), app.getCorpId(), app.getCorpSecret(), app.getAgentId(), app.getRobotCode())));
		return apps;
	}

	private static @Nullable RuntimeException checkRegisteredApp(String name, DingTalkAppSettings settings) {
		return DingTalkPropertiesValidator.checkApp(DingTalkPropertiesValidator.TOP_LEVEL + "apps." + name + ".",
				DingTalkPropertiesValidator.AppSettings.of(settings));
	}

	/**
	 * The token cache of apps registered at runtime by an application that defined none at
	 * start-up, built on the first use of such an app.
	 */
	private static TokenCache standaloneTokenCache(DingTalkProperties properties, ListableBeanFactory beanFactory) {
		TokenStore store = beanFactory.getBeanProvider(TokenStore.class).getIfAvailable(() -> {
			if (properties.getToken().getStore() == DingTalkProperties.Token.Store.REDIS) {
				throw new IllegalStateException("dingtalk.token.store is 'redis' but no app was defined at start-up, "
						+ "so there is no Redis token store; define one app under dingtalk.apps.<name> "
						+ "or the top-level dingtalk.* keys");
			}
			return new InMemoryTokenStore();
		});
		return new TokenCache(store, properties.getToken().getRefreshMargin(),
				properties.getToken().getFailureBackoff(),
				new TokenFetchListeners(beanFactory.getBeanProvider(TokenCache.TokenFetchListener.class)));
	}

	/**
	 * The transport of apps registered at runtime by an application that defined none at
	 * start-up, built as the transport bean is, on the first use of such an app.
	 */
	private static DingTalkTransport standaloneTransport(DingTalkProperties properties, ListableBeanFactory beanFactory) {
		RestTemplate restTemplate = beanFactory.containsBean(DingTalkTransport.REST_TEMPLATE_BEAN_NAME)
				? beanFactory.getBean(DingTalkTransport.REST_TEMPLATE_BEAN_NAME, RestTemplate.class) : null;
		return transport(properties, beanFactory.getBeanProvider(RestClient.Builder.class), restTemplate,
				beanFactory.<ClientHttpRequestFactoryBuilder<?>>getBeanProvider(
						ResolvableType.forClass(ClientHttpRequestFactoryBuilder.class)),
				beanFactory.getBeanProvider(HttpClientSettings.class),
				beanFactory.getBeanProvider(DingTalkRestClientCustomizer.class),
				beanFactory.getBeanProvider(io.dingboot.http.DingTalkRestTemplateCustomizer.class),
				beanFactory.getBeanProvider(DingTalkTransport.ExchangeListener.class),
				beanFactory.getBeanProvider(DingTalkTransport.RetryListener.class));
	}

}
