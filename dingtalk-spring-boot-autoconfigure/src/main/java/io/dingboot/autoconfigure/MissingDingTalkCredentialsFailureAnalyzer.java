package io.dingboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Reports a missing DingBoot bean (an API, the client, the token provider, ...) in an application
 * that set no DingTalk credentials at all, with the properties to set, ahead of Spring Boot's
 * generic "required a bean ... that could not be found". The single-app beans mean the app
 * {@code default}: an application with only {@code dingtalk.apps.<name>.*} is told to use
 * {@code DingTalkApps}. An incomplete pair never gets here: it fails earlier with an
 * {@link InvalidDingTalkPropertyException}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingDingTalkCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

	private final Environment environment;

	MissingDingTalkCredentialsFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getResolvableType().resolve();
		if (type == null || !type.getName().startsWith("io.dingboot.")
				|| OnDingTalkCredentialsCondition.hasCredentials(this.environment)) {
			return null;
		}
		if (OnDingTalkAppsCondition.hasNamedApps(this.environment)) {
			return new FailureAnalysis("The application needs a bean of type '" + type.getName()
					+ "', which DingBoot defines only for the app 'default', and no credentials are set for it "
					+ "(neither dingtalk.app-key with dingtalk.app-secret nor dingtalk.corp-id with "
					+ "dingtalk.corp-secret); the apps under dingtalk.apps.<name>.* have no single-app beans.",
					"Set dingtalk.app-key and dingtalk.app-secret for a default app, or inject io.dingboot.apps.DingTalkApps "
							+ "and use apps.get(\"<name>\") for the apps under dingtalk.apps.<name>.*.",
					cause);
		}
		return new FailureAnalysis("The application needs a bean of type '" + type.getName()
				+ "', which DingBoot defines only for a DingTalk app with credentials, and no credentials are set "
				+ "(neither dingtalk.app-key with dingtalk.app-secret nor dingtalk.corp-id with dingtalk.corp-secret).",
				"Set dingtalk.app-key and dingtalk.app-secret to the app's Client ID and Client Secret from the "
						+ "developer console (or the legacy dingtalk.corp-id and dingtalk.corp-secret), or define "
						+ "apps under dingtalk.apps.<name>.* and inject io.dingboot.apps.DingTalkApps.",
				cause);
	}

}
