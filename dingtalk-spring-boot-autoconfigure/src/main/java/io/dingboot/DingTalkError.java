package io.dingboot;

import org.jspecify.annotations.Nullable;

/**
 * The error part of a DingTalk answer: {@code errcode}, {@code errmsg}, and, for {@code /topapi}
 * calls wrapped in errcode 88, the real reason in {@code sub_code}/{@code sub_msg}.
 *
 * @param errcode the top-level {@code errcode}
 * @param errmsg the top-level {@code errmsg}, possibly {@code null}
 * @param subCode the {@code sub_code} (a string on the wire), or {@code null}
 * @param subMsg the {@code sub_msg}, or {@code null}
 * @param requestId the {@code request_id}, or {@code null}
 */
public record DingTalkError(int errcode, @Nullable String errmsg, @Nullable String subCode, @Nullable String subMsg,
		@Nullable String requestId) {

	/** Errcode under which {@code /topapi} wraps authentication and throttling errors. */
	public static final int WRAPPED = 88;

	/**
	 * The code that says what went wrong: {@code sub_code} when errcode is 88 and a numeric
	 * sub code is present, otherwise {@code errcode}.
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
	 * Whether the answer says the access token is invalid or expired (40014, 42001, 40001, top
	 * level or as {@code sub_code} under 88).
	 * @return whether a fresh token may fix the call
	 */
	public boolean isTokenInvalid() {
		int code = effectiveCode();
		return code == 40014 || code == 42001 || code == 40001;
	}

	/**
	 * Whether the answer says the call was throttled (900xx, 45009).
	 * @return whether waiting and retrying may help
	 */
	public boolean isThrottled() {
		int code = effectiveCode();
		return (code >= 90001 && code <= 90018 && code != 90015 && code != 90016) || code == 45009;
	}

	/**
	 * Whether DingTalk said it is busy ({@code -1}).
	 * @return whether the call may be retried
	 */
	public boolean isBusy() {
		return effectiveCode() == -1;
	}

}
