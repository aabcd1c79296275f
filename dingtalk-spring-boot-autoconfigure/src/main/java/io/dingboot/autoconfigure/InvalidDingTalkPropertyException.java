package io.dingboot.autoconfigure;

/**
 * Thrown at startup when a {@code dingtalk.*} property is missing or wrong; the
 * {@link InvalidDingTalkPropertyFailureAnalyzer} turns it into a report that names the property.
 */
public class InvalidDingTalkPropertyException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the property to fix, e.g. {@code dingtalk.app-key}
	 * @param description what is wrong (never a secret's value)
	 * @param action what to do
	 */
	public InvalidDingTalkPropertyException(String property, String description, String action) {
		super(property + ": " + description);
		this.property = property;
		this.action = action;
	}

	public String getProperty() {
		return this.property;
	}

	public String getAction() {
		return this.action;
	}

}
