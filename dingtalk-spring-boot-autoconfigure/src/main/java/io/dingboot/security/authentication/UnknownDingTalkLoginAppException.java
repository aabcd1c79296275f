package io.dingboot.security.authentication;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/**
 * A login request for an app that does not log users in here: no app has that name, or the app
 * is left out of free login. Answered with {@code 404}; the message names no configured app.
 */
public final class UnknownDingTalkLoginAppException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 */
	public UnknownDingTalkLoginAppException() {
		super("No DingTalk app logs users in at this URL");
	}

}
