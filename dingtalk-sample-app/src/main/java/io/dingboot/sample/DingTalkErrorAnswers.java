package io.dingboot.sample;

import io.dingboot.DingTalkApiException;

import org.springframework.http.HttpStatus;

/**
 * What the sample answers for a failed DingTalk call: the failure's kind and code mapped to a
 * status and a message in Chinese and English that a person can act on. The API path DingBoot
 * names in its exception message is left out; the detail is the broken rule (for a request DingBoot
 * refused before sending) or DingTalk's own {@code errcode} and {@code errmsg}.
 */
final class DingTalkErrorAnswers {

	private DingTalkErrorAnswers() {
	}

	static ErrorAnswer of(DingTalkApiException ex) {
		if (ex.getKind() == DingTalkApiException.Kind.INVALID_REQUEST) {
			return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", "The request breaks a DingTalk rule",
					"请求不符合钉钉的规则")
				.withDetail(ruleBroken(ex));
		}
		ErrorAnswer answer = classify(ex);
		Integer errcode = (ex.getEffectiveCode() != 0) ? ex.getEffectiveCode() : null;
		return new ErrorAnswer(answer.status(), answer.error(), answer.message(), answer.messageZh(), detail(ex),
				errcode);
	}

	private static ErrorAnswer classify(DingTalkApiException ex) {
		int code = ex.getEffectiveCode();
		switch (code) {
			case 60003, 40009:
				return ErrorAnswer.of(HttpStatus.NOT_FOUND, "not_found", "The department does not exist", "部门不存在");
			case 33012, 40003, 60111, 60121:
				return ErrorAnswer.of(HttpStatus.NOT_FOUND, "not_found", "The user does not exist", "用户不存在");
			default:
				break;
		}
		if (ex.isThrottled()) {
			return ErrorAnswer.of(HttpStatus.SERVICE_UNAVAILABLE, "dingtalk_throttled",
					"DingTalk is throttling this app; try again shortly", "钉钉正在限制本应用的调用频率，请稍后再试");
		}
		if (ex.isUnavailable()) {
			return ErrorAnswer.of(HttpStatus.SERVICE_UNAVAILABLE, "dingtalk_unavailable",
					"DingTalk cannot be reached; try again later", "暂时无法连接钉钉，请稍后再试");
		}
		if (ex.isTokenInvalid()) {
			return refused("DingTalk refused the app's access token", "钉钉拒绝了应用的访问凭证");
		}
		return switch (code) {
			case 60011 -> refused("The app lacks the permission for this call; grant it in the developer console",
					"应用没有调用该接口的权限，请在开发者后台的权限管理中开通");
			case 50002, 50004 -> refused("The user or department is outside the app's visible range",
					"成员或部门不在应用的通讯录权限范围内");
			case 60020 -> refused("This server's IP address is not in the app's whitelist", "服务器出口 IP 不在应用的白名单中");
			case 40096, 40089, 41002, 41004 -> refused("DingTalk does not accept the app's credentials",
					"钉钉不接受应用的凭证，请检查 AppKey 与 AppSecret");
			case 40056 -> refused("The agent id is not the app's", "AgentId 与应用不符");
			case 90020 -> refused("The organisation's monthly API quota is used up", "本月的接口调用额度已用完");
			default -> switch (ex.getKind()) {
				case INVALID_RESPONSE -> refused("DingTalk's answer could not be read", "无法识别钉钉的应答");
				case HTTP_ERROR -> refused("DingTalk answered with an HTTP error", "钉钉返回了 HTTP 错误");
				default -> refused("DingTalk refused the call", "钉钉拒绝了这次调用");
			};
		};
	}

	private static ErrorAnswer refused(String message, String messageZh) {
		return ErrorAnswer.of(HttpStatus.BAD_GATEWAY, "dingtalk_error", message, messageZh);
	}

	/**
	 * The rule a refused request broke: DingBoot's message without the API path it starts with.
	 */
	private static String ruleBroken(DingTalkApiException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		String prefix = ex.getApiPath() + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	/**
	 * DingTalk's own words: {@code errcode N (errmsg)}, or the HTTP status when it gave no errcode.
	 */
	private static String detail(DingTalkApiException ex) {
		if (ex.getError().isPresent()) {
			String text = (ex.getSubMsg() != null) ? ex.getSubMsg() : ex.getErrmsg();
			String code = "errcode " + ex.getEffectiveCode();
			return (text != null && !text.isBlank()) ? code + " (" + text + ")" : code;
		}
		return (ex.getHttpStatus() != 0) ? "HTTP " + ex.getHttpStatus() : null;
	}

}
