package io.dingboot.callback;

/**
 * A verified and decrypted callback message.
 *
 * @param plaintext the decrypted message (event JSON, or {@code success} in a reply)
 * @param ownerKey the owner key the message was encrypted for (one of the expected ones)
 */
public record DecryptedMessage(String plaintext, String ownerKey) {

	@Override
	public String toString() {
		return "DecryptedMessage{ownerKey=" + this.ownerKey + ", length=" + this.plaintext.length() + "}";
	}

}
