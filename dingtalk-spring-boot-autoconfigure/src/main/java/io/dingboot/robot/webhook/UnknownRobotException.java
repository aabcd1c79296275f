package io.dingboot.robot.webhook;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Thrown when a robot is looked up by a name that no robot has; the message lists the names that
 * are configured (names only, never access tokens or secrets).
 */
public class UnknownRobotException extends NoSuchElementException {

	private final String name;

	private final List<String> configuredNames;

	/**
	 * Create the exception.
	 * @param name the name looked up
	 * @param configuredNames the names of the robots there are
	 */
	public UnknownRobotException(String name, List<String> configuredNames) {
		super("No DingTalk custom robot is named '" + name + "'; the robots are "
				+ (configuredNames.isEmpty() ? "none (set dingtalk.robots.<name>.access-token)" : configuredNames));
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
	 * The names of the robots there are.
	 * @return the names
	 */
	public List<String> getConfiguredNames() {
		return this.configuredNames;
	}

}
