package io.dingboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.security.authentication.DingTalkLoginApp;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.oauth2.DingTalkAccessTokenResponseClient;
import io.dingboot.security.oauth2.DingTalkBrowserLogin;
import io.dingboot.security.oauth2.DingTalkBrowserLoginFailureHandler;
import io.dingboot.security.oauth2.DingTalkClientRegistrations;
import io.dingboot.security.oauth2.DingTalkOAuth2UserService;
import io.dingboot.user.UserApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of DingTalk browser login (扫码登录) through Spring Security's
 * {@code oauth2Login}, with {@code dingtalk.login.browser.enabled=true} (or
 * {@code dingtalk.apps.<name>.login.browser.enabled=true}): every app that takes part and has an
 * app key and secret becomes a {@link ClientRegistration} (registration id {@code dingtalk} for
 * the default app, the app's name otherwise) unless the application declares its own
 * {@link ClientRegistrationRepository}, and a {@link DingTalkBrowserLogin} holds DingTalk's token
 * and user steps for every registration whose id names an app. DingBoot's default chain, or
 * {@code DingTalkBrowserLoginConfigurer} in the application's chain, plugs them into
 * {@code oauth2Login}. The token client, user service and authorize request resolver are also
 * beans of Spring Security's types, which {@code oauth2Login} finds by itself; each delegates to
 * Spring Security's default for registrations that are not DingTalk's.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
		DingTalkAppsAutoConfiguration.class, DingTalkLoginAutoConfiguration.class },
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, ClientRegistrationRepository.class })
@ConditionalOnDingTalkFeature(DingTalkFeature.BROWSER_LOGIN)
public final class DingTalkBrowserLoginAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrationRepository dingTalkClientRegistrationRepository(DingTalkProperties properties) {
		Predicate<String> takesPart = takesPart(properties);
		String loginBaseUrl = properties.getLogin().getBrowser().getLoginBaseUrl();
		List<ClientRegistration> registrations = new ArrayList<>();
		if (properties.hasAppCredentials() && takesPart.test(DingTalkApps.DEFAULT)) {
			registrations.add(DingTalkClientRegistrations
				.builder(DingTalkApps.DEFAULT, properties.getAppKey(), properties.getAppSecret(), loginBaseUrl,
						properties.getApiBaseUrl())
				.build());
		}
		for (Map.Entry<String, DingTalkProperties.App> entry : properties.getApps().entrySet()) {
			DingTalkProperties.App app = entry.getValue();
			if (app.hasAppCredentials() && takesPart.test(entry.getKey())) {
				String apiBaseUrl = (app.getApiBaseUrl() != null) ? app.getApiBaseUrl() : properties.getApiBaseUrl();
				registrations.add(DingTalkClientRegistrations
					.builder(entry.getKey(), app.getAppKey(), app.getAppSecret(), loginBaseUrl, apiBaseUrl)
					.build());
			}
		}
		if (registrations.isEmpty()) {
			throw new InvalidDingTalkPropertyException("dingtalk.login.browser.enabled",
					"is true but no app taking part has an app key and secret",
					"set dingtalk.app-key and dingtalk.app-secret (or dingtalk.apps.<name>.app-key and "
							+ ".app-secret): browser login registers the app's Client ID and Client Secret");
		}
		return new InMemoryClientRegistrationRepository(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	DingTalkBrowserLogin dingTalkBrowserLogin(DingTalkProperties properties, ObjectProvider<DingTalkApps> apps,
			ObjectProvider<UserApi> userApi, ObjectProvider<DingTalkUserMapper> userMapper) {
		DingTalkLoginApps loginApps = loginApps(properties, apps.getIfAvailable(), userApi);
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(properties.getHttp().getConnectTimeout());
		requestFactory.setReadTimeout(properties.getHttp().getReadTimeout());
		RestClient restClient = RestClient.builder().requestFactory(requestFactory).build();
		Predicate<String> registrations = DingTalkOAuth2UserService.registrationsOf(loginApps);
		return new DingTalkBrowserLogin(registrations,
				new DingTalkAccessTokenResponseClient(restClient, registrations),
				new DingTalkOAuth2UserService(restClient, loginApps,
						userMapper.getIfAvailable(DingTalkUserMapper::defaults),
						properties.getLogin().isFetchUserDetails()),
				new DingTalkBrowserLoginFailureHandler());
	}

	/*
	 * The pieces as the beans oauth2Login looks up itself, so that an application's own
	 * http.oauth2Login(...) uses them whatever the order of its configurers.
	 */

	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> dingTalkAccessTokenResponseClient(
			DingTalkBrowserLogin browserLogin) {
		return browserLogin.accessTokenResponseClient();
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2UserService<OAuth2UserRequest, OAuth2User> dingTalkOAuth2UserService(DingTalkBrowserLogin browserLogin) {
		return browserLogin.userService();
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizationRequestResolver dingTalkAuthorizationRequestResolver(DingTalkBrowserLogin browserLogin,
			ClientRegistrationRepository registrations) {
		return browserLogin.authorizationRequestResolver(registrations);
	}

	private static DingTalkLoginApps loginApps(DingTalkProperties properties, DingTalkApps registry,
			ObjectProvider<UserApi> userApi) {
		Predicate<String> takesPart = takesPart(properties);
		if (registry != null) {
			return DingTalkLoginApps.of(registry, takesPart);
		}
		return (name) -> {
			UserApi api = DingTalkApps.DEFAULT.equals(name) && takesPart.test(name) ? userApi.getIfAvailable() : null;
			return (api != null) ? new DingTalkLoginApp(name, properties.getCorpId(), api) : null;
		};
	}

	static Predicate<String> takesPart(DingTalkProperties properties) {
		return DingTalkFeature.BROWSER_LOGIN.takesPart(properties.getLogin().getBrowser().isEnabled(),
				properties.getApps());
	}

}
