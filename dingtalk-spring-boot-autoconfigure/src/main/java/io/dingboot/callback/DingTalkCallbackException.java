package io.dingboot.callback;

/**
 * A callback that cannot be verified or decrypted, or a message that cannot be encrypted. Carries
 * DingTalk's crypto error code (900001 to 900010) and never a key, a token or a payload.
 */
public class DingTalkCallbackException extends RuntimeException {

	/** Plaintext missing or not encodable. */
	public static final int ILLEGAL_PLAINTEXT = 900001;

	/** Timestamp missing or not acceptable. */
	public static final int ILLEGAL_TIMESTAMP = 900002;

	/** Nonce missing. */
	public static final int ILLEGAL_NONCE = 900003;

	/** EncodingAESKey not 43 characters of [A-Za-z0-9]. */
	public static final int ILLEGAL_AES_KEY = 900004;

	/** Signature does not match (DingTalk's own library reports it as 900006). */
	public static final int SIGNATURE_MISMATCH = 900006;

	/** Encryption failed. */
	public static final int ENCRYPTION_FAILED = 900007;

	/** The body cannot be decrypted (not Base64, wrong block size, wrong key, bad padding). */
	public static final int DECRYPTION_FAILED = 900008;

	/** The decrypted length field does not fit the message. */
	public static final int LENGTH_MISMATCH = 900009;

	/** The trailing owner key (appKey, corpId, suiteKey) is none of the expected ones. */
	public static final int OWNER_KEY_MISMATCH = 900010;

	private final int code;

	/**
	 * Create an exception.
	 * @param code the DingTalk crypto code, one of the constants of this class
	 * @param message what is wrong (never a secret or a payload)
	 */
	public DingTalkCallbackException(int code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * DingTalk's crypto error code, e.g. {@code 900006}.
	 * @return the code
	 */
	public int getCode() {
		return this.code;
	}

}
