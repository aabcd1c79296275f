package io.dingboot.http;

import io.dingboot.DingTalkError;

/**
 * Messages for DingTalk errors that name what the user should fix. They quote DingTalk's own
 * {@code errmsg}, which never holds a token or a secret, and never the request's URL.
 */
final class ErrorMessages {

	private ErrorMessages() {
	}

	static String describe(String path, int httpStatus, DingTalkError error) {
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

	static String hint(int code) {
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
			case 60011 -> "Grant the app this API's permission in the developer console (权限管理)";
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
