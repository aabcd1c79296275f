package io.dingboot.callback;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The crypto of DingTalk's HTTP-push event callbacks (回调).
 * <p>
 * AES-256-CBC with the key {@code Base64(encodingAesKey + "=")} and its first 16 bytes as IV, the
 * message padded PKCS#7-style to 32-byte blocks. The plaintext is 16 random characters, the message
 * length (4 bytes, big-endian), the UTF-8 message and the owner key (appKey, corpId or suiteKey).
 * The signature is the lowercase hex SHA-1 of {@code token, timestamp, nonce, encrypt} sorted and
 * concatenated.
 * <p>
 * Signatures are compared in constant time, every length is checked before it is used, and every
 * failure is a {@link DingTalkCallbackException} with DingTalk's crypto code. Instances are
 * thread-safe; {@link #toString()} shows no secret.
 */
public final class DingTalkCallbackCrypto {

	private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int BLOCK = 32;

	private static final int RANDOM_LENGTH = 16;

	private static final int HEADER_LENGTH = RANDOM_LENGTH + 4;

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create the crypto for one app.
	 * @param token the callback token from the developer console
	 * @param encodingAesKey the EncodingAESKey from the developer console: 43 characters
	 * [A-Za-z0-9]
	 * @throws DingTalkCallbackException with {@code 900004} when the key is not 43 such characters,
	 * or {@code 900006} when the token is empty
	 */
	public DingTalkCallbackCrypto(String token, String encodingAesKey) {
		if (!isValidAesKey(encodingAesKey)) {
			throw DingTalkCallbackException.illegalAesKey("The EncodingAESKey must be 43 characters [A-Za-z0-9]");
		}
		if (token == null || token.isEmpty()) {
			throw DingTalkCallbackException.signatureMismatch("The callback token must not be empty");
		}
		byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
		this.token = token;
		this.key = new SecretKeySpec(aesKey, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
	}

	/**
	 * Whether {@code encodingAesKey} has the form DingTalk issues: 43 characters [A-Za-z0-9].
	 * @param encodingAesKey the key
	 * @return whether the key is valid
	 */
	public static boolean isValidAesKey(String encodingAesKey) {
		return encodingAesKey != null && AES_KEY.matcher(encodingAesKey).matches();
	}

	/**
	 * Encrypt {@code plaintext} for {@code ownerKey} with a random 16-character prefix.
	 * @param plaintext the message, e.g. event JSON or {@code success}
	 * @param ownerKey the owner key: appKey, corpId or suiteKey
	 * @return the Base64 {@code encrypt} value
	 */
	public String encrypt(String plaintext, String ownerKey) {
		return encrypt(plaintext, ownerKey, randomString(RANDOM_LENGTH));
	}

	/**
	 * Encrypt {@code plaintext} for {@code ownerKey} with a fixed prefix (for test vectors).
	 * @param plaintext the message
	 * @param ownerKey the owner key
	 * @param prefix the 16-character random prefix
	 * @return the Base64 {@code encrypt} value
	 */
	String encrypt(String plaintext, String ownerKey, String prefix) {
		if (plaintext == null) {
			throw DingTalkCallbackException.illegalPlaintext("The plaintext is null");
		}
		if (ownerKey == null) {
			throw DingTalkCallbackException.illegalPlaintext("The owner key is null");
		}
		byte[] random = prefix.getBytes(StandardCharsets.UTF_8);
		if (random.length != RANDOM_LENGTH) {
			throw DingTalkCallbackException.illegalPlaintext("The random prefix must be 16 bytes");
		}
		byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
		byte[] owner = ownerKey.getBytes(StandardCharsets.UTF_8);
		int length = HEADER_LENGTH + message.length + owner.length;
		int pad = BLOCK - (length % BLOCK);
		ByteBuffer buffer = ByteBuffer.allocate(length + pad);
		buffer.put(random).putInt(message.length).put(message).put(owner);
		for (int i = 0; i < pad; i++) {
			buffer.put((byte) pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, this.iv);
			return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
		}
		catch (GeneralSecurityException ex) {
			throw DingTalkCallbackException.encryptionFailed("AES encryption failed: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * The signature of a push or a reply.
	 * @param timestamp the timestamp, as sent
	 * @param nonce the nonce, as sent
	 * @param encrypt the {@code encrypt} value
	 * @return the lowercase hex SHA-1 of the four values sorted and concatenated
	 */
	public String signature(String timestamp, String nonce, String encrypt) {
		if (timestamp == null) {
			throw DingTalkCallbackException.illegalTimestamp("The timestamp is null");
		}
		if (nonce == null) {
			throw DingTalkCallbackException.illegalNonce("The nonce is null");
		}
		if (encrypt == null) {
			throw DingTalkCallbackException.decryptionFailed("The encrypt is null");
		}
		String[] parts = { this.token, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			for (String part : parts) {
				sha1.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha1.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw DingTalkCallbackException.signatureMismatch("SHA-1 is not available");
		}
	}

	/**
	 * Verify the signature of a push, then decrypt it.
	 * @param signature the received signature
	 * @param timestamp the received timestamp
	 * @param nonce the received nonce
	 * @param encrypt the received {@code encrypt} value
	 * @param ownerKeys the owner keys the message may be encrypted for
	 * @return the message and the owner key that matched
	 * @throws DingTalkCallbackException when the signature does not match ({@code 900006}), the
	 * body cannot be decrypted ({@code 900008}, {@code 900009}) or the owner key is none of
	 * {@code ownerKeys} ({@code 900010})
	 */
	public DecryptedMessage verifyAndDecrypt(String signature, String timestamp, String nonce, String encrypt,
			Collection<String> ownerKeys) {
		if (signature == null) {
			throw DingTalkCallbackException.signatureMismatch("The signature is missing");
		}
		String expected = signature(timestamp, nonce, encrypt);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8))) {
			throw DingTalkCallbackException.signatureMismatch("The signature does not match");
		}
		return decrypt(encrypt, ownerKeys);
	}

	/**
	 * Decrypt an {@code encrypt} value without checking a signature.
	 * @param encrypt the {@code encrypt} value
	 * @param ownerKeys the owner keys the message may be encrypted for
	 * @return the message and the owner key that matched
	 * @throws DingTalkCallbackException when the value cannot be decrypted or the owner key does
	 * not match
	 */
	public DecryptedMessage decrypt(String encrypt, Collection<String> ownerKeys) {
		byte[] plain = decryptBytes(encrypt);
		int pad = plain[plain.length - 1] & 0xFF;
		if (pad < 1 || pad > BLOCK) {
			throw DingTalkCallbackException.decryptionFailed("The decrypted padding is invalid (wrong aes-key?)");
		}
		int end = plain.length - pad;
		if (end < HEADER_LENGTH) {
			throw DingTalkCallbackException.lengthMismatch("The decrypted message is too short");
		}
		int length = ByteBuffer.wrap(plain, RANDOM_LENGTH, 4).getInt();
		if (length < 0 || length > end - HEADER_LENGTH) {
			throw DingTalkCallbackException.lengthMismatch(
					"The decrypted length field does not fit the message (wrong aes-key?)");
		}
		int ownerStart = HEADER_LENGTH + length;
		byte[] owner = Arrays.copyOfRange(plain, ownerStart, end);
		String matched = null;
		if (ownerKeys != null) {
			for (String candidate : ownerKeys) {
				if (candidate != null
						&& MessageDigest.isEqual(owner, candidate.getBytes(StandardCharsets.UTF_8))) {
					matched = candidate;
					break;
				}
			}
		}
		if (matched == null) {
			throw DingTalkCallbackException.ownerKeyMismatch(
					"The message is encrypted for none of the expected owner keys");
		}
		return new DecryptedMessage(utf8(plain, HEADER_LENGTH, length), matched);
	}

	/**
	 * The encrypted reply to a push: {@code msg_signature}, {@code timeStamp}, {@code nonce} and
	 * {@code encrypt}, with the current time in milliseconds and a random nonce.
	 * @param plaintext the reply, normally {@code success}
	 * @param ownerKey the owner key the push was encrypted for
	 * @return the reply fields, in DingTalk's order
	 */
	public Map<String, String> encryptedReply(String plaintext, String ownerKey) {
		String timestamp = Long.toString(System.currentTimeMillis());
		String nonce = randomString(RANDOM_LENGTH);
		String encrypt = encrypt(plaintext, ownerKey);
		Map<String, String> reply = new LinkedHashMap<>();
		reply.put("msg_signature", signature(timestamp, nonce, encrypt));
		reply.put("timeStamp", timestamp);
		reply.put("nonce", nonce);
		reply.put("encrypt", encrypt);
		return reply;
	}

	private byte[] decryptBytes(String encrypt) {
		if (encrypt == null || encrypt.isEmpty()) {
			throw DingTalkCallbackException.decryptionFailed("The encrypt is empty");
		}
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypt);
		}
		catch (IllegalArgumentException ex) {
			throw DingTalkCallbackException.decryptionFailed("The encrypt is not Base64");
		}
		if (cipherText.length < BLOCK || cipherText.length % 16 != 0) {
			throw DingTalkCallbackException.decryptionFailed(
					"The encrypt has " + cipherText.length + " bytes, not a whole number of AES blocks");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, this.iv);
			return cipher.doFinal(cipherText);
		}
		catch (GeneralSecurityException ex) {
			throw DingTalkCallbackException.decryptionFailed("AES decryption failed: " + ex.getClass().getSimpleName());
		}
	}

	private static String utf8(byte[] bytes, int offset, int length) {
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, length));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			throw DingTalkCallbackException.decryptionFailed("The decrypted message is not UTF-8 (wrong aes-key?)");
		}
	}

	private String randomString(int length) {
		char[] chars = new char[length];
		byte[] bytes = new byte[length * 2];
		int filled = 0;
		while (filled < length) {
			this.random.nextBytes(bytes);
			for (int i = 0; i < bytes.length && filled < length; i++) {
				int index = bytes[i] & 0x3F;
				if (index < ALPHANUMERIC.length()) {
					chars[filled++] = ALPHANUMERIC.charAt(index);
				}
			}
		}
		return new String(chars);
	}

	@Override
	public String toString() {
		return "DingTalkCallbackCrypto{token=******, aesKey=******}";
	}

}
