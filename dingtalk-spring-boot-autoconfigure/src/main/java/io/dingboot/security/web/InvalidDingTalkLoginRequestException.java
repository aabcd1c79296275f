package io.dingboot.security.web;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/**
 * A login request that is malformed before DingTalk is asked anything: no code, a code that is too
 * long or not printable ASCII, or an unreadable body. Answered with {@code 400}.
 */
public final class InvalidDingTalkLoginRequestException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong (never the code)
	 */
	public InvalidDingTalkLoginRequestException(String message) {
		super(message);
	}

}
