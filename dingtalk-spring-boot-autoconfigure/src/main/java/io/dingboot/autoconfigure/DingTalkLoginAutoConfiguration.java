package io.dingboot.autoconfigure;

import java.util.function.Predicate;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.security.authentication.DingTalkAuthenticationProvider;
import io.dingboot.security.authentication.DingTalkLoginApp;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.config.DingTalkLoginConfigurer;
import io.dingboot.security.config.DingTalkLoginSettings;
import io.dingboot.security.web.DingTalkAuthenticationEntryPoint;
import io.dingboot.security.web.DingTalkLoginFilter;
import io.dingboot.user.UserApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of DingTalk free login (免登) into Spring Security: the
 * {@link DingTalkLoginSettings} and {@link DingTalkLoginApps} that {@link DingTalkLoginConfigurer}
 * reads, a default {@link DingTalkUserMapper}, and, with {@code dingtalk.login.enabled=true} (or
 * {@code dingtalk.apps.<name>.login.enabled=true}) and no {@code SecurityFilterChain} of the
 * application's own, a default chain. Every app of {@link DingTalkApps} logs users in, the app
 * {@code default} at {@code dingtalk.login.processing-url} and an app {@code <name>} at that URL
 * followed by {@code /<name>}, unless {@code dingtalk.apps.<name>.login.enabled=false} leaves it
 * out. It runs before Spring Boot's default web security so that its chain replaces Boot's, and
 * never one of the application.
 * The default chain logs users in with DingTalk only: unless the application declares an
 * {@code AuthenticationManager}, {@code AuthenticationProvider} or {@code UserDetailsService} of its
 * own, its {@code AuthenticationManager} is a bean, so that Boot's generated in-memory user (and its
 * "Using generated security password" line) backs off.
 * With {@code dingtalk.login.browser.enabled=true} (and Spring Security's OAuth2 client on the
 * classpath) the default chain also offers browser login through {@code oauth2Login}; it exists
 * when either way in is switched on and adds only the ones that are.
 */
@AutoConfiguration(
		after = { DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class,
				DingTalkAppsAutoConfiguration.class },
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class })
public final class DingTalkLoginAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DingTalkLoginSettings dingTalkLoginSettings(DingTalkProperties properties) {
		DingTalkProperties.Login login = properties.getLogin();
		String url = login.getProcessingUrl();
		if (!StringUtils.hasText(url) || !url.startsWith("/") || containsWhitespace(url)) {
			throw new InvalidDingTalkPropertyException("dingtalk.login.processing-url",
					"'" + url + "' is not a path starting with '/'", "use a path such as /login/dingtalk");
		}
		if (login.isEnabled() && !properties.hasAppCredentials() && !properties.hasCorpCredentials()
				&& properties.getApps().isEmpty()) {
			throw new InvalidDingTalkPropertyException("dingtalk.app-key",
					"is not set but dingtalk.login.enabled is true",
					"set dingtalk.app-key and dingtalk.app-secret (the app's Client ID and Client Secret), "
							+ "which free login needs to call DingTalk");
		}
		return new DingTalkLoginSettings(url, login.isFetchUserDetails());
	}

	@Bean
	@ConditionalOnMissingBean
	DingTalkLoginApps dingTalkLoginApps(ObjectProvider<DingTalkApps> apps, ObjectProvider<UserApi> userApi,
			DingTalkProperties properties) {
		Predicate<String> takesPart = DingTalkFeature.LOGIN.takesPart(properties.getLogin().isEnabled(),
				properties.getApps());
		DingTalkApps registry = apps.getIfAvailable();
		if (registry != null) {
			return DingTalkLoginApps.of(registry, takesPart);
		}
		return (name) -> {
			UserApi api = DingTalkApps.DEFAULT.equals(name) && takesPart.test(name) ? userApi.getIfAvailable() : null;
			return (api != null) ? new DingTalkLoginApp(name, properties.getCorpId(), api) : null;
		};
	}

	@Bean
	@ConditionalOnMissingBean
	DingTalkUserMapper dingTalkUserMapper() {
		return DingTalkUserMapper.defaults();
	}

	private static boolean containsWhitespace(String text) {
		return text.chars().anyMatch(Character::isWhitespace);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity")
	@ConditionalOnDingTalkFeature({ DingTalkFeature.LOGIN, DingTalkFeature.BROWSER_LOGIN })
	@ConditionalOnDefaultWebSecurity
	static class DefaultSecurityFilterChainConfiguration {

		private static final String OAUTH2_CLIENT = "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository";

		@Bean
		@ConditionalOnMissingBean({ AuthenticationManager.class, AuthenticationProvider.class, UserDetailsService.class,
				AuthenticationManagerResolver.class })
		AuthenticationManager dingTalkAuthenticationManager(DingTalkLoginApps loginApps,
				DingTalkUserMapper userMapper, DingTalkLoginSettings settings,
				ObjectProvider<AuthenticationEventPublisher> eventPublisher) {
			ProviderManager manager = new ProviderManager(
					new DingTalkAuthenticationProvider(loginApps, userMapper, settings.fetchUserDetails()));
			eventPublisher.ifAvailable(manager::setAuthenticationEventPublisher);
			return manager;
		}

		@Bean
		@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
		SecurityFilterChain dingTalkSecurityFilterChain(HttpSecurity http, DingTalkLoginSettings settings,
				DingTalkProperties properties,
				@Qualifier("dingTalkAuthenticationManager") ObjectProvider<AuthenticationManager> manager,
				ApplicationContext context) {
			boolean freeLogin = DingTalkFeature.LOGIN.isOpen(properties.getLogin().isEnabled(), properties.getApps());
			boolean browserLogin = ClassUtils.isPresent(OAUTH2_CLIENT, getClass().getClassLoader())
					&& DingTalkBrowserLoginChain.isAvailable(context);
			if (!browserLogin) {
				// with oauth2Login the chain's manager is built from the providers both logins add
				manager.ifAvailable(http::authenticationManager);
			}
			DingTalkProperties.Jsapi jsapi = properties.getJsapi();
			http.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll();
				requests.requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**").permitAll();
				if (freeLogin) {
					requests.requestMatchers(DingTalkLoginFilter.loginRequests(settings.processingUrl())).permitAll();
				}
				if (browserLogin) {
					DingTalkBrowserLoginChain.permitLoginRequests(requests);
				}
				if (DingTalkFeature.JSAPI.isOpen(jsapi.isEnabled(), properties.getApps())) {
					requests.requestMatchers(HttpMethod.GET, jsapi.getPath()).permitAll();
				}
				requests.requestMatchers("/error").permitAll();
				requests.anyRequest().authenticated();
			});
			if (freeLogin) {
				http.with(DingTalkLoginConfigurer.dingTalkLogin(), Customizer.withDefaults());
			}
			if (browserLogin) {
				DingTalkBrowserLoginChain.apply(http);
			}
			http.csrf((csrf) -> csrf.spa());
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new DingTalkAuthenticationEntryPoint()));
			http.requestCache((cache) -> cache.disable());
			http.logout((logout) -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
			return http.build();
		}

	}

}
