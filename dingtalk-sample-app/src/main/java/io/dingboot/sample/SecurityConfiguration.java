package io.dingboot.sample;

import io.dingboot.autoconfigure.DingTalkProperties;
import io.dingboot.security.config.DingTalkLoginConfigurer;
import io.dingboot.security.oauth2.DingTalkBrowserLogin;
import io.dingboot.security.oauth2.DingTalkBrowserLoginConfigurer;
import io.dingboot.security.web.DingTalkAuthenticationEntryPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The sample's security: DingTalk free login and, when enabled, browser login, a CSRF token in the {@code XSRF-TOKEN} cookie for
 * the page's script, the page and what it needs before login open ({@code /api/mode}, the
 * dd.config endpoint and, in demo mode, the demo users and auth codes), everything else for
 * logged-in users only ({@code 401} JSON otherwise). {@code /error} is open for the container's
 * error dispatch; a direct request never gets here (see {@link DirectErrorRequestFilter}). The
 * callback endpoint has DingBoot's own chain, authenticated by its signature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http, DingTalkProperties properties,
			ObjectProvider<DingTalkBrowserLogin> browserLogin) {
		http.with(DingTalkLoginConfigurer.dingTalkLogin(), withDefaults());
		if (browserLogin.getIfAvailable() != null) {
			// browser login (dingtalk.login.browser.enabled): back to the page after DingTalk's authorize page
			http.oauth2Login((oauth2) -> oauth2.defaultSuccessUrl("/", true));
			http.with(DingTalkBrowserLoginConfigurer.dingTalkBrowserLogin(), withDefaults());
		}
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/json-api.js", "/app.js", "/app.css", "/favicon.ico", "/favicon.svg",
					"/api/mode", "/demo/users", properties.getJsapi().getPath(), "/oauth2/authorization/*",
					"/login/oauth2/code/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/demo/auth-code")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.spa());
		http.logout((logout) -> logout
			.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new DingTalkAuthenticationEntryPoint()));
		return http.build();
	}

}
