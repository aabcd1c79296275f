package io.dingboot.callback;

/**
 * A callback that cannot be verified or decrypted, or a message that cannot be encrypted. Carries
 * DingTalk's crypto error code (900001 to 900010) and never a key, a token or a payload. Built by
 * the factory method named after the failure, e.g. {@link #signatureMismatch(String)}.
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
	 * The plaintext or the owner key to encrypt is missing or not encodable ({@value #ILLEGAL_PLAINTEXT}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException illegalPlaintext(String message) {
		return new DingTalkCallbackException(ILLEGAL_PLAINTEXT, message);
	}

	/**
	 * The timestamp is missing or not acceptable ({@value #ILLEGAL_TIMESTAMP}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException illegalTimestamp(String message) {
		return new DingTalkCallbackException(ILLEGAL_TIMESTAMP, message);
	}

	/**
	 * The nonce is missing ({@value #ILLEGAL_NONCE}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException illegalNonce(String message) {
		return new DingTalkCallbackException(ILLEGAL_NONCE, message);
	}

	/**
	 * The EncodingAESKey is not 43 characters of [A-Za-z0-9] ({@value #ILLEGAL_AES_KEY}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException illegalAesKey(String message) {
		return new DingTalkCallbackException(ILLEGAL_AES_KEY, message);
	}

	/**
	 * The signature is missing or does not match, or the token is unusable ({@value #SIGNATURE_MISMATCH}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException signatureMismatch(String message) {
		return new DingTalkCallbackException(SIGNATURE_MISMATCH, message);
	}

	/**
	 * Encryption failed ({@value #ENCRYPTION_FAILED}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException encryptionFailed(String message) {
		return new DingTalkCallbackException(ENCRYPTION_FAILED, message);
	}

	/**
	 * The body cannot be decrypted ({@value #DECRYPTION_FAILED}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException decryptionFailed(String message) {
		return new DingTalkCallbackException(DECRYPTION_FAILED, message);
	}

	/**
	 * The decrypted length field does not fit the message ({@value #LENGTH_MISMATCH}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException lengthMismatch(String message) {
		return new DingTalkCallbackException(LENGTH_MISMATCH, message);
	}

	/**
	 * The message is encrypted for none of the expected owner keys ({@value #OWNER_KEY_MISMATCH}).
	 * @param message what is wrong (never a secret or a payload)
	 * @return the exception
	 */
	public static DingTalkCallbackException ownerKeyMismatch(String message) {
		return new DingTalkCallbackException(OWNER_KEY_MISMATCH, message);
	}

	private DingTalkCallbackException(int code, String message) {
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
