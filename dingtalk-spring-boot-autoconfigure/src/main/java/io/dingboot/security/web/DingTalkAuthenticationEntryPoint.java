package io.dingboot.security.web;

import java.io.IOException;

import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a request that needs a logged-in user with {@code 401}: JSON
 * {@code {"error":"unauthenticated", ...}} for script requests (JSON, XHR), and the servlet
 * container's error page for pages. A DingTalk micro-app has no login form to redirect to: the page
 * logs in by posting a free-login code.
 */
public final class DingTalkAuthenticationEntryPoint implements AuthenticationEntryPoint {

	/**
	 * Matches requests from script: a JSON body, {@code Accept: application/json} or
	 * {@code X-Requested-With: XMLHttpRequest}.
	 * @return the matcher
	 */
	public static RequestMatcher scriptRequests() {
		return JsonAnswers::wantsJson;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (!JsonAnswers.wantsJson(request)) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		JsonAnswers.writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
				"Log in with DingTalk first");
	}

}
