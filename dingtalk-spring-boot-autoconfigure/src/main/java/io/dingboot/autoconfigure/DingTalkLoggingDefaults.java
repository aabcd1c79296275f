package io.dingboot.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps the loggers that write whole request lines at INFO unless the application sets their
 * levels itself: Apache HttpClient 5's ({@code org.apache.hc.client5.http}),
 * {@code HttpURLConnection}'s ({@code sun.net.www.protocol.http}) and the JDK
 * {@code HttpClient}'s debug logger ({@code jdk.internal.httpclient.debug}, reached once Boot
 * bridges JDK logging to SLF4J). DingTalk carries the app secret and the access token in the query
 * string, so with the root level at DEBUG those loggers would write them out.
 * <p>
 * Runs once Boot's {@link LoggingApplicationListener} has initialized the logging system and
 * applied the application's levels, before any bean exists, and sets INFO on each of these
 * loggers that has no level configured: whatever the application set for one of them
 * ({@code logging.level.*} in any form, a logging group, the logging system's own configuration
 * file) wins. It sets the levels through Boot's {@link LoggingSystem} rather than adding
 * {@code logging.level.*} defaults to the environment, which made Boot bind and convert a map of
 * levels in every application that sets none (about 17 ms of start-up, see
 * {@code docs/performance.md}).
 */
final class DingTalkLoggingDefaults implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

	static final List<String> LOGGERS = List.of("org.apache.hc.client5.http", "sun.net.www.protocol.http",
			"jdk.internal.httpclient.debug");

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		LoggingSystem loggingSystem = (beanFactory.getSingleton(
				LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME) instanceof LoggingSystem bootLoggingSystem)
						? bootLoggingSystem : LoggingSystem.get(event.getSpringApplication().getClassLoader());
		try {
			for (String logger : LOGGERS) {
				LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(logger);
				if (configuration == null || configuration.getConfiguredLevel() == null) {
					loggingSystem.setLogLevel(logger, LogLevel.INFO);
				}
			}
		}
		catch (UnsupportedOperationException ex) {
			// a logging system that cannot read or set levels: Boot cannot apply logging.level.* to it either
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
