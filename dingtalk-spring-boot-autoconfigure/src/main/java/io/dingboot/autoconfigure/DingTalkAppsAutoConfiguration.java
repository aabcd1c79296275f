package io.dingboot.autoconfigure;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.card.CardApi;
import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.media.MediaLimits;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenEndpoint;
import io.dingboot.token.TokenStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Auto-configuration of the {@link DingTalkApps} registry: the app {@code default} (the single-app
 * beans, with top-level credentials) and every {@code dingtalk.apps.<name>}, over the token cache
 * and transport of {@link DingTalkAutoConfiguration}. The registry is always there, so that apps
 * can be registered at runtime, and builds nothing until an app is used.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class })
public final class DingTalkAppsAutoConfiguration {

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
				properties.getJsapi().getSignatureAlgorithm(), properties.apiBaseUri(),
				properties.getToken().getEndpoint())
			.withCardUpdatesPerSecond(Binder.get(beanFactory.getBean(Environment.class))
				.bind("dingtalk.card.streaming.max-updates-per-second", Integer.class)
				.orElse(CardApi.DEFAULT_MAX_UPDATES_PER_SECOND));
		TokenEndpoint tokenEndpoint = properties.getToken().getEndpoint();
		DingTalkApps apps = new DingTalkApps(shared, (name, settings) -> checkRegisteredApp(name, settings, tokenEndpoint),
				(properties.hasAppCredentials() || properties.hasCorpCredentials())
						? new DefaultDingTalkApp(properties, beanFactory) : null);
		properties.getApps().forEach((name, app) -> apps.register(name, settings(app)));
		return apps;
	}

	/**
	 * The settings of {@code dingtalk.apps.<name>}; its base URLs, when set, replace the top-level
	 * ones for this app's legacy and v1.0 clients and its token fetch.
	 */
	static DingTalkAppSettings settings(DingTalkProperties.App app) {
		return new DingTalkAppSettings(app.getAppKey(), app.getAppSecret(), app.getCorpId(), app.getCorpSecret(),
				app.getAgentId(), app.getRobotCode(),
				(app.getBaseUrl() != null) ? DingTalkProperties.trimmed(app.getBaseUrl()) : null,
				(app.getApiBaseUrl() != null) ? DingTalkProperties.trimmed(app.getApiBaseUrl()) : null);
	}

	private static @Nullable RuntimeException checkRegisteredApp(String name, DingTalkAppSettings settings,
			TokenEndpoint tokenEndpoint) {
		String prefix = DingTalkPropertiesValidator.TOP_LEVEL + "apps." + name + ".";
		RuntimeException problem = DingTalkPropertiesValidator.checkApp(prefix,
				DingTalkPropertiesValidator.AppSettings.of(settings));
		if (problem == null) {
			problem = DingTalkPropertiesValidator.checkBaseUrl(prefix + "base-url", settings.baseUrl(),
					DingTalkProperties.DEFAULT_BASE_URL);
		}
		if (problem == null) {
			problem = DingTalkPropertiesValidator.checkBaseUrl(prefix + "api-base-url", settings.apiBaseUrl(),
					DingTalkProperties.DEFAULT_API_BASE_URL);
		}
		if (problem == null) {
			problem = DingTalkPropertiesValidator.checkTokenEndpoint(prefix, tokenEndpoint,
					settings.hasAppCredentials());
		}
		return problem;
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
		return DingTalkAutoConfiguration.transport(properties, beanFactory.getBeanProvider(RestClient.Builder.class), restTemplate,
				beanFactory.<ClientHttpRequestFactoryBuilder<?>>getBeanProvider(
						ResolvableType.forClass(ClientHttpRequestFactoryBuilder.class)),
				beanFactory.getBeanProvider(HttpClientSettings.class),
				beanFactory.getBeanProvider(DingTalkRestClientCustomizer.class),
				beanFactory.getBeanProvider(io.dingboot.http.DingTalkRestTemplateCustomizer.class),
				beanFactory.getBeanProvider(DingTalkTransport.ExchangeListener.class),
				beanFactory.getBeanProvider(DingTalkTransport.RetryListener.class));
	}

}
