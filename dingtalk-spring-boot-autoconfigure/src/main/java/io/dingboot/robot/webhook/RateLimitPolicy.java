package io.dingboot.robot.webhook;

/**
 * What a send does when its robot has already sent its allowance in the current window.
 */
public enum RateLimitPolicy {

	/** Wait until the oldest send leaves the window, if that is within the bound; fail otherwise. */
	WAIT,

	/** Fail at once. */
	FAIL

}
