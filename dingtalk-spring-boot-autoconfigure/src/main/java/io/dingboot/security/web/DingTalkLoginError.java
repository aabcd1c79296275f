package io.dingboot.security.web;

import io.dingboot.DingTalkApiException;
import io.dingboot.security.authentication.UnknownDingTalkLoginAppException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/**
 * What a failed DingTalk login answers: the HTTP status, a stable error code, a message safe to
 * show, and for a throttled DingTalk the seconds after which to try again.
 *
 * @param status the HTTP status
 * @param error the error code: {@code invalid_request}, {@code unknown_app}, {@code invalid_code},
 * {@code login_refused}, {@code dingtalk_unavailable}, {@code dingtalk_throttled},
 * {@code dingtalk_error} or {@code login_failed}
 * @param message the message, never with a code, a token or a stack trace
 * @param retryAfterSeconds the {@code Retry-After} value, or {@code null}
 */
public record DingTalkLoginError(HttpStatus status, String error, String message, @Nullable Integer retryAfterSeconds) {

	/**
	 * Classify a failed login.
	 * @param failure the exception
	 * @return the answer
	 */
	public static DingTalkLoginError of(AuthenticationException failure) {
		if (failure instanceof InvalidDingTalkLoginRequestException) {
			return new DingTalkLoginError(HttpStatus.BAD_REQUEST, "invalid_request", failure.getMessage(), null);
		}
		if (failure instanceof UnknownDingTalkLoginAppException) {
			return new DingTalkLoginError(HttpStatus.NOT_FOUND, "unknown_app",
					"No DingTalk app logs users in at this URL", null);
		}
		DingTalkApiException dingTalk = (failure.getCause() instanceof DingTalkApiException ex) ? ex : null;
		if (failure instanceof BadCredentialsException && dingTalk != null) {
			return new DingTalkLoginError(HttpStatus.UNAUTHORIZED, "invalid_code",
					"The DingTalk auth code is unknown, used or expired; request a new one", null);
		}
		if (failure instanceof AuthenticationServiceException) {
			return (dingTalk != null) ? ofDingTalk(dingTalk) : new DingTalkLoginError(HttpStatus.INTERNAL_SERVER_ERROR,
					"login_failed", "The login could not be completed", null);
		}
		return new DingTalkLoginError(HttpStatus.UNAUTHORIZED, "login_refused",
				"The application does not accept this DingTalk user", null);
	}

	private static DingTalkLoginError ofDingTalk(DingTalkApiException ex) {
		if (ex.isThrottled()) {
			return new DingTalkLoginError(HttpStatus.SERVICE_UNAVAILABLE, "dingtalk_throttled",
					"DingTalk is throttling this app; try again shortly", 1);
		}
		if (ex.isUnavailable()) {
			return new DingTalkLoginError(HttpStatus.SERVICE_UNAVAILABLE, "dingtalk_unavailable",
					"DingTalk cannot be reached; try again later", null);
		}
		return new DingTalkLoginError(HttpStatus.BAD_GATEWAY, "dingtalk_error",
				"DingTalk refused the login call (errcode " + ex.getEffectiveCode() + "); see the server log", null);
	}

}
