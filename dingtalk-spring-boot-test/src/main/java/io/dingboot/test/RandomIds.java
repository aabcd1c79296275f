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

	private static String pick(String alphabet, int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
