package io.dingboot.autoconfigure.compatibility;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link UnsupportedSpringBootVersionException} with what to change. Uses only APIs
 * present in Spring Boot 3 and 4.
 */
final class UnsupportedSpringBootVersionFailureAnalyzer
		extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Upgrade the application to Spring Boot 4.0 or later (DingBoot is tested on the 4.0 and 4.1 lines), "
						+ "or remove the DingBoot dependency (io.dingboot:dingtalk-spring-boot-starter).",
				cause);
	}

}
