package io.dingboot;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The error part of a DingTalk answer, for both API families.
 * <ul>
 * <li>Legacy server API ({@code oapi.dingtalk.com}): {@code errcode}, {@code errmsg}, and, for
 * {@code /topapi} calls wrapped in errcode 88, the real reason in {@code sub_code}/{@code sub_msg}.</li>
 * <li>v1.0 family ({@code api.dingtalk.com}), which answers with an HTTP error status and
 * <code>{"code":"...","message":"...","requestid":"..."}</code>: {@code errcode} is {@code 0}, the
 * string {@code code} (such as {@code InvalidAuthentication}) is in {@code subCode}, the
 * {@code message} in {@code errmsg} ({@link #ofV1}).</li>
 * </ul>
 * {@link #code()} gives the code that says what went wrong as text, whatever the family.
 *
 * @param errcode the top-level {@code errcode}, {@code 0} for a v1.0 error
 * @param errmsg the top-level {@code errmsg} (v1.0: {@code message}), possibly {@code null}
 * @param subCode the {@code sub_code} (a string on the wire; v1.0: {@code code}), or {@code null}
 * @param subMsg the {@code sub_msg}, or {@code null}
 * @param requestId the {@code request_id} (v1.0: {@code requestid}), or {@code null}
 */
public record DingTalkError(int errcode, @Nullable String errmsg, @Nullable String subCode, @Nullable String subMsg,
		@Nullable String requestId) {

	/** Errcode under which {@code /topapi} wraps authentication and throttling errors. */
	public static final int WRAPPED = 88;

	/** v1.0 codes that say the access token is invalid or expired (a fresh token may fix the call). */
	private static final Set<String> V1_TOKEN_INVALID = Set.of("InvalidAuthentication", "invalidParameter.token.invalid",
			"token.notExisted");

	/** v1.0 codes of throttling, besides the {@code Forbidden.AccessDenied.Qps*}/{@code Qpm*} family. */
	private static final Set<String> V1_THROTTLED = Set.of("qps.exceed.limit", "request.overlimit", "send.too.fast",
			"send.byToken.tooFast", "too.many.group", "too.many.people");

	/** v1.0 codes of a busy service. */
	private static final Set<String> V1_BUSY = Set.of("system.busy", "systemBusy");

	/**
	 * An error of the v1.0 family ({@code api.dingtalk.com}).
	 * @param code the {@code code}, e.g. {@code Forbidden.AccessDenied.QpsLimitForApi}
	 * @param message the {@code message}, or {@code null}
	 * @param requestId the {@code requestid}, or {@code null}
	 * @return the error, errcode {@code 0} and {@code code} as {@link #subCode()}
	 */
	public static DingTalkError ofV1(String code, @Nullable String message, @Nullable String requestId) {
		return new DingTalkError(0, message, code, null, requestId);
	}

	/**
	 * Whether this is an error of the v1.0 family: no errcode, a string code.
	 * @return whether the error came as {@code {code, message, requestid}}
	 */
	public boolean isV1() {
		return this.errcode == 0 && this.subCode != null;
	}

	/**
	 * The code that says what went wrong, as text: the v1.0 {@code code} (e.g.
	 * {@code InvalidAuthentication}), otherwise {@link #effectiveCode()} (e.g. {@code "40014"}).
	 * @return the code
	 */
	public String code() {
		return isV1() ? this.subCode : String.valueOf(effectiveCode());
	}

	/**
	 * The code that says what went wrong: {@code sub_code} when errcode is 88 and a numeric
	 * sub code is present, otherwise {@code errcode} ({@code 0} for a v1.0 error).
	 * @return the effective error code
	 */
	public int effectiveCode() {
		if (this.errcode == WRAPPED && this.subCode != null) {
			try {
				return Integer.parseInt(this.subCode.trim());
			}
			catch (NumberFormatException ex) {
				return this.errcode;
			}
		}
		return this.errcode;
	}

	/**
	 * Whether the answer says the access token is invalid or expired: 40014, 42001, 40001 (top
	 * level or as {@code sub_code} under 88), or the v1.0 codes {@code InvalidAuthentication},
	 * {@code invalidParameter.token.invalid} and {@code token.notExisted}.
	 * @return whether a fresh token may fix the call
	 */
	public boolean isTokenInvalid() {
		if (isV1()) {
			return V1_TOKEN_INVALID.contains(this.subCode);
		}
		int code = effectiveCode();
		return code == 40014 || code == 42001 || code == 40001;
	}

	/**
	 * Whether the answer says the call was throttled: 900xx and 45009, or the v1.0 codes
	 * {@code Forbidden.AccessDenied.Qps*}/{@code Qpm*} (per API, per app and API, per suite, org and
	 * API), {@code qps.exceed.limit}, {@code request.overlimit} and the robot APIs'
	 * {@code send.too.fast}, {@code send.byToken.tooFast}, {@code too.many.group},
	 * {@code too.many.people}. The monthly quota (90020,
	 * {@code Forbidden.AccessDenied.ApiCountLimitForOrg}) is not throttling: waiting does not help.
	 * @return whether waiting and retrying may help
	 */
	public boolean isThrottled() {
		if (isV1()) {
			String code = this.subCode;
			return code.startsWith("Forbidden.AccessDenied.Qps") || code.startsWith("Forbidden.AccessDenied.Qpm")
					|| V1_THROTTLED.contains(code);
		}
		int code = effectiveCode();
		return (code >= 90001 && code <= 90018 && code != 90015 && code != 90016) || code == 45009;
	}

	/**
	 * Whether DingTalk said it is busy: {@code -1}, or the v1.0 codes {@code system.busy} and
	 * {@code systemBusy}.
	 * @return whether the call may be retried
	 */
	public boolean isBusy() {
		if (isV1()) {
			return V1_BUSY.contains(this.subCode);
		}
		return effectiveCode() == -1;
	}

}
