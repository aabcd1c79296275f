package io.dingboot.autoconfigure;

import io.dingboot.security.oauth2.DingTalkBrowserLogin;
import io.dingboot.security.oauth2.DingTalkBrowserLoginConfigurer;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The browser-login part of DingBoot's default chain, kept apart so that the chain's
 * configuration loads without Spring Security's OAuth2 client on the classpath.
 */
final class DingTalkBrowserLoginChain {

	private DingTalkBrowserLoginChain() {
	}

	static boolean isAvailable(ApplicationContext context) {
		return context.getBeanProvider(DingTalkBrowserLogin.class).getIfAvailable() != null;
	}

	static void permitLoginRequests(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/oauth2/authorization/*", "/login",
				DingTalkBrowserLoginConfigurer.CALLBACK_PREFIX + "*").permitAll();
	}

	static void apply(HttpSecurity http) {
		http.with(DingTalkBrowserLoginConfigurer.dingTalkBrowserLogin(), Customizer.withDefaults());
	}

}
