package io.dingboot.test;

import java.security.SecureRandom;

/**
 * Random identifiers in DingTalk's shapes: tokens, tickets, request ids, auth codes.
 */
final class RandomIds {

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final SecureRandom random = new SecureRandom();

	private RandomIds() {
	}

	static String hex(int length) {
		return pick("0123456789abcdef", length);
	}

	static String alphanumeric(int length) {
		return pick(ALPHANUMERIC, length);
	}

	static String requestId() {
		return pick("abcdefghijklmnopqrstuvwxyz0123456789", 13);
	}

	/**
	 * A request id of the v1.0 family, shaped like a UUID in upper case.
	 * @return the id
	 */
	static String v1RequestId() {
		String hex = pick("0123456789ABCDEF", 32);
		return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20);
	}

	private static String pick(String alphabet, int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
