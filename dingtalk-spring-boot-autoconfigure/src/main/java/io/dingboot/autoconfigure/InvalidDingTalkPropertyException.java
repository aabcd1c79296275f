package io.dingboot.autoconfigure;

/**
 * Thrown at startup (or when an app is registered) when a {@code dingtalk.*} property is missing
 * or wrong; the {@link InvalidDingTalkPropertyFailureAnalyzer} turns it into a report that names
 * the property. Built by the factory methods, which say what kind of problem it is; the message
 * never carries a secret's value.
 */
public class InvalidDingTalkPropertyException extends RuntimeException {

	private final String property;

	private final String action;

	InvalidDingTalkPropertyException(String property, String description, String action) {
		super(property + ": " + description);
		this.property = property;
		this.action = action;
	}

	/**
	 * A property that is needed but not set.
	 * @param property the full name of the property, e.g. {@code dingtalk.app-secret}
	 * @param action what to set it to
	 * @return the exception
	 */
	public static InvalidDingTalkPropertyException missing(String property, String action) {
		return new InvalidDingTalkPropertyException(property, "is not set", action);
	}

	/**
	 * A property that is needed because of another setting but not set.
	 * @param property the full name of the property, e.g. {@code dingtalk.agent-id}
	 * @param neededBecause the setting that needs it, e.g. {@code dingtalk.jsapi.enabled is true}
	 * @param action what to set it to
	 * @return the exception
	 */
	public static InvalidDingTalkPropertyException missing(String property, String neededBecause, String action) {
		return new InvalidDingTalkPropertyException(property, "is not set but " + neededBecause, action);
	}

	/**
	 * A property whose value has the wrong form (not a URL, not a path, wrong length).
	 * @param property the full name of the property
	 * @param description what is wrong with the value; never the value of a secret
	 * @param action what a good value looks like
	 * @return the exception
	 */
	public static InvalidDingTalkPropertyException malformed(String property, String description, String action) {
		return new InvalidDingTalkPropertyException(property, description, action);
	}

	/**
	 * A property whose value is out of its allowed range (a zero timeout, too many attempts).
	 * @param property the full name of the property
	 * @param value the value as configured; never the value of a secret
	 * @param allowed the allowed range, e.g. {@code between 1 and 10}
	 * @param action what to set instead
	 * @return the exception
	 */
	public static InvalidDingTalkPropertyException outOfRange(String property, Object value, String allowed,
			String action) {
		return new InvalidDingTalkPropertyException(property, "must be " + allowed + " but is " + value, action);
	}

	/**
	 * A property whose value needs something the application does not have (a library on the
	 * classpath, a bean).
	 * @param property the full name of the property
	 * @param description what the setting needs and is missing
	 * @param action how to provide it or turn the setting off
	 * @return the exception
	 */
	public static InvalidDingTalkPropertyException unsupported(String property, String description, String action) {
		return new InvalidDingTalkPropertyException(property, description, action);
	}

	/**
	 * The property to fix.
	 * @return the full name of the property, e.g. {@code dingtalk.apps.hr.app-secret}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
