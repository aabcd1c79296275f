package io.dingboot.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a login request whose query or form body is not URL-encoded ({@code code=%zz}) with the
 * login's {@code 400 invalid_request} JSON before any other filter reads its parameters: the
 * servlet container refuses to parse such parameters by throwing (Tomcat's
 * {@code InvalidParameterException}), which the CSRF filter, reading {@code _csrf}, would otherwise
 * turn into a logged server error. {@link io.dingboot.security.config.DingTalkLoginConfigurer}
 * adds it before the {@code CsrfFilter}.
 */
public final class DingTalkLoginParametersFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkLoginParametersFilter.class);

	private final RequestMatcher loginRequests;

	private final AuthenticationFailureHandler failureHandler;

	/**
	 * Create a filter.
	 * @param loginRequests the login requests to check
	 * @param failureHandler what answers a malformed one
	 */
	public DingTalkLoginParametersFilter(RequestMatcher loginRequests, AuthenticationFailureHandler failureHandler) {
		Assert.notNull(loginRequests, "'loginRequests' must not be null");
		Assert.notNull(failureHandler, "'failureHandler' must not be null");
		this.loginRequests = loginRequests;
		this.failureHandler = failureHandler;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.loginRequests.matches(request)) {
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				logger.debug("Refused a DingTalk login request whose parameters are not URL-encoded");
				this.failureHandler.onAuthenticationFailure(request, response, malformed());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static InvalidDingTalkLoginRequestException malformed() {
		return new InvalidDingTalkLoginRequestException("The login request's parameters are not URL-encoded");
	}

}
