package io.dingboot;

import java.util.Optional;

/**
 * The one exception DingBoot throws for a DingTalk call that failed: an answer with a non-zero
 * {@code errcode} (including {@code 88} with a {@code sub_code}), an HTTP error, a body that is not
 * DingTalk's JSON, or a network failure. It names the API path and never carries an access token or
 * a secret.
 */
public class DingTalkApiException extends RuntimeException {

	/** What kind of failure this is. */
	public enum Kind {

		/** DingTalk answered with a non-zero errcode. */
		API_ERROR,

		/** DingTalk (or a gateway before it) answered with an HTTP error status. */
		HTTP_ERROR,

		/** The answer was not DingTalk's JSON: an HTML page, an IP-ban body, an empty body. */
		INVALID_RESPONSE,

		/** The request could not be sent or its answer could not be read. */
		IO_ERROR,

		/** The call was refused before it was sent, because DingTalk would refuse it. */
		INVALID_REQUEST

	}

	private final Kind kind;

	private final String apiPath;

	private final DingTalkError error;

	private final int httpStatus;

	private final boolean ipBanned;

	public DingTalkApiException(Kind kind, String apiPath, DingTalkError error, int httpStatus, String message,
			Throwable cause) {
		this(kind, apiPath, error, httpStatus, false, message, cause);
	}

	/**
	 * Create an exception.
	 * @param kind the kind of failure
	 * @param apiPath the API path template
	 * @param error DingTalk's error, or {@code null}
	 * @param httpStatus the HTTP status, or {@code 0} when no answer came
	 * @param ipBanned whether the answer was DingTalk's IP-ban page rather than its JSON
	 * @param message the message (never with a token or a secret)
	 * @param cause the cause, or {@code null}
	 */
	public DingTalkApiException(Kind kind, String apiPath, DingTalkError error, int httpStatus, boolean ipBanned,
			String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.apiPath = apiPath;
		this.error = error;
		this.httpStatus = httpStatus;
		this.ipBanned = ipBanned;
	}

	/**
	 * Create an exception for a request that was refused before it was sent.
	 * @param apiPath the API path
	 * @param message what rule was broken
	 * @return the exception
	 */
	public static DingTalkApiException invalidRequest(String apiPath, String message) {
		return new DingTalkApiException(Kind.INVALID_REQUEST, apiPath, null, 0, apiPath + ": " + message, null);
	}

	public Kind getKind() {
		return this.kind;
	}

	/**
	 * The API path (a template, never with a token), e.g. {@code /topapi/v2/user/get}.
	 * @return the API path
	 */
	public String getApiPath() {
		return this.apiPath;
	}

	/**
	 * The DingTalk error, when DingTalk answered with one.
	 * @return the error, if any
	 */
	public Optional<DingTalkError> getError() {
		return Optional.ofNullable(this.error);
	}

	/**
	 * The top-level errcode, or {@code 0} when DingTalk gave none.
	 * @return the errcode
	 */
	public int getErrcode() {
		return (this.error != null) ? this.error.errcode() : 0;
	}

	/**
	 * The code that says what went wrong ({@code sub_code} under 88, else errcode), or {@code 0}.
	 * @return the effective code
	 */
	public int getEffectiveCode() {
		return (this.error != null) ? this.error.effectiveCode() : 0;
	}

	public String getErrmsg() {
		return (this.error != null) ? this.error.errmsg() : null;
	}

	public String getSubCode() {
		return (this.error != null) ? this.error.subCode() : null;
	}

	public String getSubMsg() {
		return (this.error != null) ? this.error.subMsg() : null;
	}

	public String getRequestId() {
		return (this.error != null) ? this.error.requestId() : null;
	}

	/**
	 * The HTTP status of the answer, or {@code 0} when none was received.
	 * @return the HTTP status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Whether the access token was refused (40014, 42001, 40001).
	 * @return whether the token was invalid
	 */
	public boolean isTokenInvalid() {
		return this.error != null && this.error.isTokenInvalid();
	}

	/**
	 * Whether DingTalk throttled the call (900xx, or an IP-ban answer).
	 * @return whether the call was throttled
	 */
	public boolean isThrottled() {
		return (this.error != null && this.error.isThrottled()) || this.httpStatus == 429 || this.ipBanned;
	}

	/**
	 * Whether DingTalk could not be reached or was busy: a network failure, HTTP 5xx, or errcode -1.
	 * @return whether the service was unavailable
	 */
	public boolean isUnavailable() {
		return this.kind == Kind.IO_ERROR || this.httpStatus >= 500 || (this.error != null && this.error.isBusy());
	}

}
