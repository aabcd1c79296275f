package io.dingboot.jsapi;

/**
 * Hash of the dd.config signature. Sources disagree which one DingTalk checks: the older docs and
 * the official jar use SHA-1, the current docs SHA-256.
 */
public enum SignatureAlgorithm {

	/** SHA-1, 40 hex characters (the default). */
	SHA1("SHA-1"),

	/** SHA-256, 64 hex characters. */
	SHA256("SHA-256");

	private final String jcaName;

	SignatureAlgorithm(String jcaName) {
		this.jcaName = jcaName;
	}

	/**
	 * The algorithm's name for {@link java.security.MessageDigest}.
	 * @return the JCA name
	 */
	public String jcaName() {
		return this.jcaName;
	}

}
