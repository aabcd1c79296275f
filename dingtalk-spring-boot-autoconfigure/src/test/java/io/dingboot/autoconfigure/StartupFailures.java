package io.dingboot.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report DingBoot's failure analyzer gives for a context that failed to start.
 */
final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Assert that {@code failure} was caused by an {@link InvalidDingTalkPropertyException} and
	 * analyze it.
	 * @param failure the context's startup failure
	 * @return the analysis
	 */
	static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidDingTalkPropertyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isNotNull();
		return new InvalidDingTalkPropertyFailureAnalyzer().analyze(failure);
	}

}
