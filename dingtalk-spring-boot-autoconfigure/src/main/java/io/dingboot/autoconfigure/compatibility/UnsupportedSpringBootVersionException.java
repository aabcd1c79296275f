package io.dingboot.autoconfigure.compatibility;

/**
 * Thrown at startup when the application runs on a Spring Boot line DingBoot does not support.
 */
public final class UnsupportedSpringBootVersionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String foundVersion;

	UnsupportedSpringBootVersionException(String foundVersion) {
		super("DingBoot needs Spring Boot 4.0 or later, but the application runs on Spring Boot " + foundVersion);
		this.foundVersion = foundVersion;
	}

	/**
	 * Returns the Spring Boot version the application runs on.
	 * @return the version, for example {@code 3.5.7}
	 */
	public String getFoundVersion() {
		return this.foundVersion;
	}

}
