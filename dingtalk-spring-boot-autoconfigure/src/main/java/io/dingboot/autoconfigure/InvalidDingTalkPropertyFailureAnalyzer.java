package io.dingboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidDingTalkPropertyException} with the property to fix.
 */
class InvalidDingTalkPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDingTalkPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDingTalkPropertyException cause) {
		return new FailureAnalysis("DingTalk is misconfigured: " + cause.getMessage(),
				"Fix the property '" + cause.getProperty() + "': " + cause.getAction(), cause);
	}

}
