package io.dingboot.sample;

import java.io.IOException;

import io.dingboot.autoconfigure.DingTalkProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sample's security: DingTalk free login, a CSRF token in the {@code XSRF-TOKEN} cookie for
 * the page's script, the page and the pre-login endpoints open, {@code /api/**} for logged-in
 * users (401 JSON otherwise).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http, DingTalkProperties properties) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/error").permitAll()
			.requestMatchers("/api/mode", "/demo/auth-code", "/demo/users").permitAll()
			.requestMatchers(properties.getJsapi().getPath(), properties.getLogin().getProcessingUrl()).permitAll()
			.anyRequest().authenticated());
		http.csrf((csrf) -> csrf.spa());
		http.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
		http.logout((logout) -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"error\":\"unauthorized\",\"message\":\"Log in with DingTalk first\"}");
		}));
		return http.build();
	}

	/**
	 * Loads the deferred CSRF token on every request so that the cookie repository writes the
	 * {@code XSRF-TOKEN} cookie the page's script sends back as {@code X-XSRF-TOKEN}.
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
