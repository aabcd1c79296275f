package io.dingboot.http;

import java.util.List;

import io.dingboot.DingTalkError;
import org.jspecify.annotations.Nullable;

/**
 * Messages for DingTalk errors that name what the user should fix, for both API families. They
 * quote DingTalk's own {@code errmsg}/{@code message}, which never holds a token or a secret, and
 * never the request's URL.
 */
final class ErrorMessages {

	private static final String PERMISSION_CONSOLE = "developer console > app > 开发配置 > 权限管理";

	private ErrorMessages() {
	}

	static String describe(String path, int httpStatus, DingTalkError error) {
		return describe(path, httpStatus, error, List.of());
	}

	static String describe(String path, int httpStatus, DingTalkError error, List<String> requiredScopes) {
		if (error.isV1()) {
			return describeV1(path, httpStatus, error, requiredScopes);
		}
		StringBuilder message = new StringBuilder("DingTalk ").append(path).append(" failed: errcode ")
			.append(error.errcode());
		if (error.subCode() != null) {
			message.append(", sub_code ").append(error.subCode());
		}
		String text = (error.subMsg() != null) ? error.subMsg() : error.errmsg();
		if (text != null) {
			message.append(" (").append(text).append(')');
		}
		if (httpStatus != 200) {
			message.append(", HTTP ").append(httpStatus);
		}
		if (error.requestId() != null) {
			message.append(", request_id ").append(error.requestId());
		}
		String hint = hint(error.effectiveCode());
		if (hint != null) {
			message.append(". ").append(hint);
		}
		return message.toString();
	}

	private static String describeV1(String path, int httpStatus, DingTalkError error, List<String> requiredScopes) {
		StringBuilder message = new StringBuilder("DingTalk ").append(path).append(" failed: HTTP ").append(httpStatus)
			.append(' ')
			.append(error.subCode());
		if (error.errmsg() != null) {
			message.append(" (").append(error.errmsg()).append(')');
		}
		if (error.requestId() != null) {
			message.append(", requestid ").append(error.requestId());
		}
		String hint = hintV1(error.code(), httpStatus, requiredScopes);
		if (hint != null) {
			message.append(". ").append(hint);
		}
		return message.toString();
	}

	static @Nullable String hintV1(String code, int httpStatus, List<String> requiredScopes) {
		if (code.equals("Forbidden.AccessDenied.AccessTokenPermissionDenied") || code.equals("apiPermissionDenied")) {
			String what = requiredScopes.isEmpty() ? "this API's permission"
					: "the permission " + String.join(", ", requiredScopes);
			return "Grant the app " + what + " in the " + PERMISSION_CONSOLE
					+ " (search the permission and apply), and have the organisation authorise it";
		}
		if (code.equals("Forbidden.AccessDenied.IpNotInWhiteList")) {
			return hint(60020);
		}
		if (code.startsWith("Forbidden.AccessDenied.Qps") || code.startsWith("Forbidden.AccessDenied.Qpm")
				|| code.equals("qps.exceed.limit") || code.equals("request.overlimit")) {
			return hint(90018);
		}
		if (code.equals("Forbidden.AccessDenied.ApiCountLimitForOrg")) {
			return hint(90020);
		}
		if (code.equals("invalidClientIdOrSecret") || code.equals("unauthorized.client")
				|| code.equals("invalid.client")) {
			return hint(40096);
		}
		if (code.equals("InvalidAuthentication") || code.equals("invalidParameter.token.invalid")
				|| code.equals("token.notExisted")) {
			return hint(40014);
		}
		if (code.equals("AuthenticationFailed.MissingParameter")) {
			return "The call reached the v1.0 family without its token header x-acs-dingtalk-access-token: "
					+ "call it through DingTalkApiClient (the bean, or DingTalkApp#apiClient())";
		}
		if (code.equals("accesstoken.expired")) {
			return "A user access token (OAuth2) expired; the app's access token cannot stand in for it";
		}
		if (httpStatus == 429 || code.equals("system.busy") || code.equals("systemBusy")) {
			return "DingTalk is busy or throttled the call; slow down (DingBoot retries with backoff)";
		}
		return null;
	}

	static @Nullable String hint(int code) {
		return switch (code) {
			case 60020 -> "Add this server's egress IP to the app's whitelist: developer console > app > "
					+ "开发配置 > 安全设置 > 服务器出口IP";
			case 40096 -> "Check dingtalk.app-key and dingtalk.app-secret (dingtalk.apps.<name>.app-key and "
					+ ".app-secret for a named app): DingTalk does not accept the pair";
			case 40089 -> "Check dingtalk.corp-id and dingtalk.corp-secret (dingtalk.apps.<name>.corp-id and "
					+ ".corp-secret for a named app): DingTalk does not accept the pair";
			case 40035, 41002, 41004 -> "Set dingtalk.app-key and dingtalk.app-secret (or dingtalk.corp-id and "
					+ "dingtalk.corp-secret)";
			case 40014, 42001, 40001 -> "The access token was refused; DingBoot fetched a new one and tried once more";
			case 60011 -> "Grant the app this API's permission in the " + PERMISSION_CONSOLE;
			case 40056 -> "Check dingtalk.agent-id: it must be the AgentId of the same app as the app key";
			case 50002, 50004 -> "The user or department is outside the app's visible range (通讯录权限范围)";
			case 90018, 90002, 45009 -> "DingTalk throttled the call; slow down (DingBoot retries with backoff)";
			case 90020 -> "The organisation's monthly API quota is used up";
			case 40078 -> "The free-login code is unknown, used or older than 5 minutes; get a new one from the client";
			case 43003 -> "DingTalk needs HTTPS: check dingtalk.base-url";
			default -> null;
		};
	}

}
