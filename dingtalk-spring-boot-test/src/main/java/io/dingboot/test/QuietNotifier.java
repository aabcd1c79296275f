package io.dingboot.test;

import java.lang.System.Logger.Level;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * Drops WireMock's chatter and hands its errors to {@link System.Logger} (which logging
 * frameworks such as Logback can take over), never to standard output.
 */
final class QuietNotifier implements Notifier {

	private static final System.Logger logger = System.getLogger(FakeDingTalk.class.getName());

	@Override
	public void info(String message) {
	}

	@Override
	public void error(String message) {
		logger.log(Level.WARNING, message);
	}

	@Override
	public void error(String message, Throwable cause) {
		logger.log(Level.WARNING, message, cause);
	}

}
