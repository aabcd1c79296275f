package io.dingboot.security.oauth2;

import java.io.IOException;
import java.util.Map;

import io.dingboot.web.JsonAnswers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The error codes of browser login, each with the HTTP status the failure handler answers with:
 * <ul>
 * <li>{@value #NOT_IN_ORGANIZATION} (403): the person is not a member of the app's organisation;</li>
 * <li>{@value #INVALID_CODE} (401): DingTalk refused the code (unknown, used or expired);</li>
 * <li>{@value #LOGIN_DENIED} (401): DingTalk sent the browser back with {@code error} (e.g. the
 * person did not consent);</li>
 * <li>{@value #INVALID_STATE} (400): the callback's {@code state} matches no login started in this
 * session;</li>
 * <li>{@value #DINGTALK_UNAVAILABLE} (503): DingTalk could not be reached or failed;</li>
 * <li>{@value #DINGTALK_ERROR} (502): DingTalk answered with another error.</li>
 * </ul>
 */
public final class DingTalkBrowserLoginErrors {

	/** The person is not a member of the app's organisation. */
	public static final String NOT_IN_ORGANIZATION = "not_in_organization";

	/** DingTalk refused the code. */
	public static final String INVALID_CODE = "invalid_code";

	/** DingTalk sent the browser back with an error. */
	public static final String LOGIN_DENIED = "login_denied";

	/** The state of the callback is unknown. */
	public static final String INVALID_STATE = "invalid_state";

	/** DingTalk could not be reached. */
	public static final String DINGTALK_UNAVAILABLE = "dingtalk_unavailable";

	/** DingTalk answered with an unexpected error. */
	public static final String DINGTALK_ERROR = "dingtalk_error";

	private DingTalkBrowserLoginErrors() {
	}

	static OAuth2AuthorizationException error(String code, String message, @Nullable Throwable cause) {
		OAuth2Error error = new OAuth2Error(code, message, null);
		return (cause != null) ? new OAuth2AuthorizationException(error, cause) : new OAuth2AuthorizationException(error);
	}

	/**
	 * The error for a non-2xx answer of DingTalk's v1.0 host.
	 * @param step what was called, for the message
	 * @param response the answer
	 * @return the exception to throw
	 */
	static OAuth2AuthorizationException fromAnswer(String step, ClientHttpResponse response) {
		HttpStatusCode status;
		String code = null;
		try {
			status = response.getStatusCode();
			byte[] body = response.getBody().readAllBytes();
			JsonNode node = JsonAnswers.mapper().readTree(body);
			if (node != null && node.get("code") != null) {
				code = node.get("code").asString();
			}
		}
		catch (IOException | RuntimeException ex) {
			return error(DINGTALK_UNAVAILABLE, "DingTalk could not be reached (" + step + ")", null);
		}
		if ("invalidCode".equals(code)) {
			return error(INVALID_CODE, "The DingTalk login code is unknown, used or expired", null);
		}
		if (status.is5xxServerError() || status.value() == 429 || code == null) {
			return error(DINGTALK_UNAVAILABLE,
					"DingTalk failed (" + step + ": HTTP " + status.value() + ((code != null) ? " " + code : "") + ")",
					null);
		}
		return error(DINGTALK_ERROR, "DingTalk refused " + step + ": " + code + " (HTTP " + status.value() + ")", null);
	}

	/**
	 * The HTTP status of an error code.
	 * @param code the error code
	 * @return the status
	 */
	public static int status(String code) {
		return STATUSES.getOrDefault(code, 401);
	}

	private static final Map<String, Integer> STATUSES = Map.of(NOT_IN_ORGANIZATION, 403, INVALID_CODE, 401,
			LOGIN_DENIED, 401, INVALID_STATE, 400, DINGTALK_UNAVAILABLE, 503, DINGTALK_ERROR, 502);

}
