package io.dingboot.benchmarks.startuphandmade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The start-up benchmark's {@code handmade} variant: the Spring parts that DingBoot's {@code full}
 * variant sets up at start-up (a login security chain with its own authentication filter and
 * provider, a second chain and a servlet for event callbacks with their AES key, a
 * {@code RouterFunction} for dd.config), written by hand in the leanest way, without DingBoot
 * and with nothing of DingTalk behind them. It runs on the classpath an application that writes
 * them by hand over Boot's {@code RestClient} has (Boot's HTTP client modules, no DingBoot), so
 * that it measures the floor these features cost in Spring itself: what DingBoot cannot avoid
 * whatever it does.
 * <p>
 * It lives outside {@code StartupApp}'s package so that component scanning never finds it;
 * {@code StartupApp} adds it only with {@code -Dstartup.handmade=true}.
 */
@Configuration(proxyBeanMethods = false)
public class HandmadeFeatures {

	@Bean
	@Order(1)
	SecurityFilterChain callbackChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/dingtalk/callback", "/dingtalk/callback/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
		http.authenticationManager(manager);
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll();
			requests.requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**").permitAll();
			requests.requestMatchers("/login/dingtalk", "/login/dingtalk/*").permitAll();
			requests.requestMatchers(HttpMethod.GET, "/dingtalk/jsapi/config").permitAll();
			requests.requestMatchers("/error").permitAll();
			requests.anyRequest().authenticated();
		});
		CodeLoginFilter filter = new CodeLoginFilter();
		filter.setAuthenticationManager(manager);
		http.addFilterBefore(filter, DefaultLoginPageGeneratingFilter.class);
		http.csrf((csrf) -> csrf.spa());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		http.requestCache((cache) -> cache.disable());
		http.logout((logout) -> logout.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		return http.build();
	}

	@Bean
	AuthenticationManager codeAuthenticationManager() {
		return new ProviderManager(List.of(new CodeAuthenticationProvider()));
	}

	@Bean
	ServletRegistrationBean<CallbackServlet> callbackServlet(@Value("${handmade.aes-key:abcdefghijABCDEFGHIJ0123456789abcdefghijABC}") String aesKey) {
		return new ServletRegistrationBean<>(new CallbackServlet(aesKey), "/dingtalk/callback", "/dingtalk/callback/*");
	}

	@Bean
	RouterFunction<ServerResponse> ddConfigRoute() {
		return RouterFunctions.route()
			.GET("/dingtalk/jsapi/config", (request) -> ServerResponse.ok().body(request.param("url").orElse("")))
			.build();
	}

	static final class CodeLoginFilter extends AbstractAuthenticationProcessingFilter {

		CodeLoginFilter() {
			super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/dingtalk"));
		}

		@Override
		public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
			return getAuthenticationManager().authenticate(new CodeToken(request.getParameter("code")));
		}

	}

	static final class CodeToken extends AbstractAuthenticationToken {

		private final String code;

		CodeToken(String code) {
			super(List.of());
			this.code = code;
		}

		@Override
		public Object getCredentials() {
			return this.code;
		}

		@Override
		public Object getPrincipal() {
			return "";
		}

	}

	static final class CodeAuthenticationProvider implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			throw new BadCredentialsException("no DingTalk behind the benchmark");
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return CodeToken.class.isAssignableFrom(authentication);
		}

	}

	static final class CallbackServlet extends HttpServlet {

		private final SecretKeySpec key;

		private final IvParameterSpec iv;

		CallbackServlet(String aesKey) {
			byte[] bytes = Base64.getDecoder().decode(aesKey + "=");
			this.key = new SecretKeySpec(bytes, "AES");
			this.iv = new IvParameterSpec(bytes, 0, 16);
		}

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("application/json");
			response.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
		}

	}

}
