package io.dingboot.sample;

import java.io.IOException;

import io.dingboot.autoconfigure.DingTalkProperties;
import io.dingboot.security.config.DingTalkLoginConfigurer;
import io.dingboot.security.web.DingTalkAuthenticationEntryPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The sample's security: DingTalk free login, a CSRF token in the {@code XSRF-TOKEN} cookie for
 * the page's script, the page and what it needs before login open ({@code /api/mode}, the
 * dd.config endpoint and, in demo mode, the demo users and auth codes), everything else for
 * logged-in users only ({@code 401} JSON otherwise). The callback endpoint has DingBoot's own
 * chain, authenticated by its signature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http, DingTalkProperties properties) {
		http.with(DingTalkLoginConfigurer.dingTalkLogin(), withDefaults());
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/api/mode",
					"/demo/users", properties.getJsapi().getPath())
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/demo/auth-code")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.spa());
		http.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
		http.logout((logout) -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new DingTalkAuthenticationEntryPoint()));
		return http.build();
	}

	/**
	 * Loads the deferred CSRF token on every request so that the cookie repository writes the
	 * {@code XSRF-TOKEN} cookie the page's script sends back as {@code X-XSRF-TOKEN}, also right
	 * after login has replaced the token.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
