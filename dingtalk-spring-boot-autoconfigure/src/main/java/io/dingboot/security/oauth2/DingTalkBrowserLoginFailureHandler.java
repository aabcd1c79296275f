package io.dingboot.security.oauth2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers a failed browser login with the status of its {@link DingTalkBrowserLoginErrors error
 * code}: {@code {"error", "message"}} for a script ({@link JsonAnswers#wantsJson}), a small HTML
 * page with the same error and a link back to {@code /} for a browser. Spring Security's own
 * codes are translated: an unknown {@code state} ({@code authorization_request_not_found},
 * {@code invalid_state_parameter}) is {@value DingTalkBrowserLoginErrors#INVALID_STATE}, and any
 * other OAuth 2.0 error code on the callback (DingTalk's {@code error} redirect, e.g.
 * {@code access_denied}) is {@value DingTalkBrowserLoginErrors#LOGIN_DENIED}.
 */
public final class DingTalkBrowserLoginFailureHandler implements AuthenticationFailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkBrowserLoginFailureHandler.class);

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String[] error = translate(exception);
		int status = DingTalkBrowserLoginErrors.status(error[0]);
		logger.debug("Browser login failed: {} ({})", error[0], exception.getClass().getSimpleName());
		if (JsonAnswers.wantsJson(request)) {
			JsonAnswers.writeError(response, status, error[0], error[1]);
			return;
		}
		String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>登录失败 / Login failed</title>"
				+ "</head><body><h1>登录失败 / Login failed</h1><p id=\"error\">" + HtmlUtils.htmlEscape(error[0])
				+ "</p><p id=\"message\">" + HtmlUtils.htmlEscape(error[1]) + "</p><p><a href=\""
				+ HtmlUtils.htmlEscape(request.getContextPath() + "/") + "\">返回 / Back</a></p></body></html>";
		byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	static String[] translate(AuthenticationException exception) {
		if (!(exception instanceof OAuth2AuthenticationException oauth2)) {
			return new String[] { "login_failed", "The login failed" };
		}
		OAuth2Error error = oauth2.getError();
		String code = error.getErrorCode();
		return switch (code) {
			case DingTalkBrowserLoginErrors.NOT_IN_ORGANIZATION, DingTalkBrowserLoginErrors.INVALID_CODE,
					DingTalkBrowserLoginErrors.DINGTALK_UNAVAILABLE, DingTalkBrowserLoginErrors.DINGTALK_ERROR ->
				new String[] { code, message(error, code) };
			case "login_refused" -> new String[] { code, message(error, "The application refused this user") };
			case "authorization_request_not_found", "invalid_state_parameter" ->
				new String[] { DingTalkBrowserLoginErrors.INVALID_STATE,
						"The login's state is unknown or expired; start the login again" };
			case "invalid_token_response", "invalid_user_info_response" ->
				new String[] { DingTalkBrowserLoginErrors.DINGTALK_ERROR, "DingTalk's answer could not be read" };
			default -> new String[] { DingTalkBrowserLoginErrors.LOGIN_DENIED, "DingTalk did not log the user in ("
					+ code.replaceAll("[^A-Za-z0-9_.-]", "") + ")" };
		};
	}

	private static String message(OAuth2Error error, String fallback) {
		return (error.getDescription() != null) ? error.getDescription() : fallback;
	}

}
