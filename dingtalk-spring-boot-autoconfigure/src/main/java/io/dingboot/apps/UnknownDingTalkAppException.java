package io.dingboot.apps;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Thrown when an app is looked up by a name that no app has; the message lists the names that
 * are configured (names only, never keys or secrets).
 */
public class UnknownDingTalkAppException extends NoSuchElementException {

	private final String name;

	private final List<String> configuredNames;

	/**
	 * Create the exception.
	 * @param name the name looked up
	 * @param configuredNames the names of the apps there are
	 */
	public UnknownDingTalkAppException(String name, List<String> configuredNames) {
		super("No DingTalk app is named '" + name + "'; the apps are " + (configuredNames.isEmpty()
				? "none (set dingtalk.app-key/app-secret, dingtalk.apps.<name>.* or register one)"
				: configuredNames));
		this.name = name;
		this.configuredNames = List.copyOf(configuredNames);
	}

	/**
	 * The name looked up.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The names of the apps there were at the time.
	 * @return the names
	 */
	public List<String> getConfiguredNames() {
		return this.configuredNames;
	}

}
