package io.dingboot.callback;

/**
 * Why a push was refused, with the HTTP status and the {@code error} code of the JSON answer.
 * Nothing is published for a refused push.
 */
public enum CallbackRejection {

	/** {@code signature}/{@code msg_signature}, {@code timestamp}/{@code timeStamp} or {@code nonce} missing. */
	MISSING_PARAMETER(400, "missing_parameter"),

	/** The body is not JSON with an {@code encrypt} string, or the decrypted event is not an event. */
	MALFORMED_REQUEST(400, "malformed_request"),

	/** The body cannot be decrypted with the configured aes-key. */
	UNDECRYPTABLE(400, "undecryptable"),

	/** The body is larger than {@code dingtalk.callback.max-body-size}. */
	BODY_TOO_LARGE(413, "body_too_large"),

	/** The signature does not match the configured token. */
	SIGNATURE_MISMATCH(403, "signature_mismatch"),

	/** The event is encrypted for none of the configured owner keys. */
	OWNER_KEY_MISMATCH(403, "owner_key_mismatch"),

	/** The timestamp is not a number or further from this server's clock than allowed. */
	TIMESTAMP_REJECTED(403, "timestamp_rejected"),

	/** Posted under the callback path for an app the application does not have. */
	UNKNOWN_APP(404, "unknown_app"),

	/** Not a POST. */
	METHOD_NOT_ALLOWED(405, "method_not_allowed");

	private final int status;

	private final String error;

	CallbackRejection(int status, String error) {
		this.status = status;
		this.error = error;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The {@code error} code of the JSON answer.
	 * @return the error code
	 */
	public String error() {
		return this.error;
	}

	static CallbackRejection of(DingTalkCallbackException ex) {
		return switch (ex.getCode()) {
			case DingTalkCallbackException.SIGNATURE_MISMATCH -> SIGNATURE_MISMATCH;
			case DingTalkCallbackException.OWNER_KEY_MISMATCH -> OWNER_KEY_MISMATCH;
			case DingTalkCallbackException.ILLEGAL_TIMESTAMP -> TIMESTAMP_REJECTED;
			case DingTalkCallbackException.ILLEGAL_NONCE -> MISSING_PARAMETER;
			default -> UNDECRYPTABLE;
		};
	}

}
