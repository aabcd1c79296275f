package io.dingboot.security.web;

import java.io.IOException;

import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a failed DingTalk login with JSON {@code {"error": "...", "message": "..."}} and the
 * status of {@link DingTalkLoginError}: {@code 400} for a malformed request, {@code 404} for the URL
 * of an app that does not log users in, {@code 401} for a bad
 * code or a refused user, {@code 503} (with {@code Retry-After} when throttled) when DingTalk cannot
 * answer, {@code 502} when it refuses the app's call. Never a stack trace.
 */
public final class DingTalkAuthenticationFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		DingTalkLoginError error = DingTalkLoginError.of(exception);
		if (error.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, error.retryAfterSeconds().toString());
		}
		JsonAnswers.writeError(response, error.status().value(), error.error(), error.message());
	}

}
