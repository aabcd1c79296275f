package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Keeps the loggers that write whole request lines at INFO unless the application sets their
 * levels itself: Apache HttpClient 5's ({@code org.apache.hc.client5.http}),
 * {@code HttpURLConnection}'s ({@code sun.net.www.protocol.http}) and the JDK
 * {@code HttpClient}'s debug logger ({@code jdk.internal.httpclient.debug}, reached once Boot
 * bridges JDK logging to SLF4J). DingTalk carries the app secret
 * and the access token in the query string, so with the root level at DEBUG those loggers would
 * write them out. The levels are added as the environment's last property source: any
 * {@code logging.level.*} the application sets for these loggers wins.
 */
final class DingTalkLoggingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "dingtalkLoggingDefaults";

	private static final Map<String, Object> LEVELS = Map.of("logging.level.org.apache.hc.client5.http", "info",
			"logging.level.sun.net.www.protocol.http", "info", "logging.level.jdk.internal.httpclient.debug", "info");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (!sources.contains(PROPERTY_SOURCE_NAME)) {
			sources.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, LEVELS));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
