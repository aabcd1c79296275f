package io.dingboot.robot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sign (加签) of a custom group robot: {@code HmacSHA256(key = secret, timestamp + "\n" + secret)}
 * in standard Base64 with padding. The value returned is not URL-encoded: it is encoded once
 * where it is put in the query string.
 */
final class RobotSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private RobotSigner() {
	}

	/**
	 * Sign a send.
	 * @param secret the robot's secret ({@code SEC...})
	 * @param timestampMillis the epoch milliseconds sent as {@code timestamp}
	 * @return the Base64 sign, not URL-encoded
	 */
	static String sign(String secret, long timestampMillis) {
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		String stringToSign = timestampMillis + "\n" + secret;
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

}
