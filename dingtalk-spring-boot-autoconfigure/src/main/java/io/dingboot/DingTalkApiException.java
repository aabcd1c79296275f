package io.dingboot;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one exception DingBoot throws for a DingTalk call that failed, whatever the API family: an
 * answer with a non-zero {@code errcode} (including {@code 88} with a {@code sub_code}), a v1.0
 * error (an HTTP error status with <code>{"code","message","requestid"}</code>: kind
 * {@link Kind#HTTP_ERROR}, {@link #getCode()} the string code, {@link #getHttpStatus()} the
 * status), another HTTP error, a body that is not DingTalk's JSON, or a network failure. It names
 * the API path (a template) and never carries an access token or a secret.
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

	/** v1.0 codes that say the app's credentials (not its token) are wrong. */
	private static final Set<String> CREDENTIAL_CODES = Set.of("invalidClientIdOrSecret", "unauthorized.client",
			"invalid.client", "authFailed");

	private final Kind kind;

	private final String apiPath;

	private final @Nullable DingTalkError error;

	private final int httpStatus;

	private final boolean ipBanned;

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
	private DingTalkApiException(Kind kind, String apiPath, @Nullable DingTalkError error, int httpStatus,
			boolean ipBanned, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.apiPath = apiPath;
		this.error = error;
		this.httpStatus = httpStatus;
		this.ipBanned = ipBanned;
	}

	/**
	 * DingTalk answered with a non-zero {@code errcode} (also {@code 88} with a {@code sub_code}).
	 * @param apiPath the API path template
	 * @param error DingTalk's error
	 * @param httpStatus the HTTP status of the answer
	 * @param message the message (never with a token or a secret)
	 * @return the exception, of kind {@link Kind#API_ERROR}
	 */
	public static DingTalkApiException ofAnswer(String apiPath, DingTalkError error, int httpStatus, String message) {
		return new DingTalkApiException(Kind.API_ERROR, apiPath, error, httpStatus, false, message, null);
	}

	/**
	 * DingTalk, or a gateway before it, answered with an HTTP error status.
	 * @param apiPath the API path template
	 * @param httpStatus the HTTP status
	 * @param error the error the body carried ({@code code}/{@code message} of a gateway), or
	 * {@code null}
	 * @param message the message (never with a token or a secret)
	 * @return the exception, of kind {@link Kind#HTTP_ERROR}
	 */
	public static DingTalkApiException httpError(String apiPath, int httpStatus, @Nullable DingTalkError error,
			String message) {
		return new DingTalkApiException(Kind.HTTP_ERROR, apiPath, error, httpStatus, false, message, null);
	}

	/**
	 * The answer came but is not what DingTalk answers: not JSON, empty, or without a field the call
	 * needs.
	 * @param apiPath the API path template
	 * @param httpStatus the HTTP status of the answer
	 * @param message the message (never with a token or a secret)
	 * @return the exception, of kind {@link Kind#INVALID_RESPONSE}
	 */
	public static DingTalkApiException invalidResponse(String apiPath, int httpStatus, String message) {
		return new DingTalkApiException(Kind.INVALID_RESPONSE, apiPath, null, httpStatus, false, message, null);
	}

	/**
	 * DingTalk answered with its IP-ban page (or body) instead of its JSON: this server's egress IP
	 * made too many calls. Counts as throttled.
	 * @param apiPath the API path template
	 * @param httpStatus the HTTP status of the answer
	 * @param message the message (never with a token or a secret)
	 * @return the exception, of kind {@link Kind#INVALID_RESPONSE}
	 */
	public static DingTalkApiException ipBanned(String apiPath, int httpStatus, String message) {
		return new DingTalkApiException(Kind.INVALID_RESPONSE, apiPath, null, httpStatus, true, message, null);
	}

	/**
	 * The request could not be sent or its answer could not be read (connect failure, reset, time
	 * out, interruption).
	 * @param apiPath the API path template
	 * @param message the message (never with a token or a secret)
	 * @param cause the cause, or {@code null}
	 * @return the exception, of kind {@link Kind#IO_ERROR}
	 */
	public static DingTalkApiException transport(String apiPath, String message, @Nullable Throwable cause) {
		return new DingTalkApiException(Kind.IO_ERROR, apiPath, null, 0, false, message, cause);
	}

	/**
	 * Create an exception for a request that was refused before it was sent.
	 * @param apiPath the API path
	 * @param message what rule was broken
	 * @return the exception, of kind {@link Kind#INVALID_REQUEST}
	 */
	public static DingTalkApiException invalidRequest(String apiPath, String message) {
		return new DingTalkApiException(Kind.INVALID_REQUEST, apiPath, null, 0, false, apiPath + ": " + message, null);
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

	/**
	 * The code that says what went wrong, as text, for both families: the v1.0 {@code code} (e.g.
	 * {@code Forbidden.AccessDenied.QpsLimitForApi}), or the legacy effective code (e.g.
	 * {@code "60011"}, the {@code sub_code} under 88); {@code null} when DingTalk gave none.
	 * @return the code, or {@code null}
	 */
	public @Nullable String getCode() {
		return (this.error != null) ? this.error.code() : null;
	}

	public @Nullable String getErrmsg() {
		return (this.error != null) ? this.error.errmsg() : null;
	}

	public @Nullable String getSubCode() {
		return (this.error != null) ? this.error.subCode() : null;
	}

	public @Nullable String getSubMsg() {
		return (this.error != null) ? this.error.subMsg() : null;
	}

	public @Nullable String getRequestId() {
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
	 * Whether the access token was refused: 40014, 42001, 40001 (legacy), {@code InvalidAuthentication}
	 * and the other v1.0 token codes ({@link DingTalkError#isTokenInvalid()}), or an HTTP 401 that
	 * does not say the app's credentials are wrong.
	 * @return whether the token was invalid
	 */
	public boolean isTokenInvalid() {
		if (this.error != null && this.error.isTokenInvalid()) {
			return true;
		}
		return this.kind == Kind.HTTP_ERROR && this.httpStatus == 401
				&& (this.error == null || !CREDENTIAL_CODES.contains(this.error.code()));
	}

	/**
	 * Whether DingTalk throttled the call: 900xx, the v1.0 {@code Forbidden.AccessDenied.Qps*} codes
	 * and the others {@link DingTalkError#isThrottled()} lists, HTTP 429, or an IP-ban answer.
	 * @return whether the call was throttled
	 */
	public boolean isThrottled() {
		return (this.error != null && this.error.isThrottled()) || this.httpStatus == 429 || this.ipBanned;
	}

	/**
	 * Whether DingTalk could not be reached or was busy: a network failure, HTTP 5xx, errcode -1 or
	 * the v1.0 {@code system.busy}/{@code systemBusy}.
	 * @return whether the service was unavailable
	 */
	public boolean isUnavailable() {
		return this.kind == Kind.IO_ERROR || this.httpStatus >= 500 || (this.error != null && this.error.isBusy());
	}

}
